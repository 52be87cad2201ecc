package jp.jukiflow.municipality.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import jp.jukiflow.municipality.Procedure;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The municipalities this deployment serves, as configured ({@code jukiflow.municipalities}). Office hours are a
 * setting per office [design]; they default to weekdays 8:30–17:15.
 */
@ConfigurationProperties("jukiflow")
public record MunicipalityProperties(List<MunicipalitySetting> municipalities) {

    public MunicipalityProperties {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
    }

    public record MunicipalitySetting(String code, String name, String nameKana, String prefecture,
                                      String mailDomain, List<OfficeSetting> offices) {
        public MunicipalitySetting {
            offices = offices == null ? List.of() : List.copyOf(offices);
        }
    }

    public record OfficeSetting(String id, String name, boolean main, LocalTime opensAt, LocalTime closesAt,
                                Set<DayOfWeek> openDays, Set<Procedure> procedures) {
        public OfficeSetting {
            opensAt = opensAt == null ? LocalTime.of(8, 30) : opensAt;
            closesAt = closesAt == null ? LocalTime.of(17, 15) : closesAt;
            openDays = openDays == null || openDays.isEmpty()
                    ? Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                             DayOfWeek.FRIDAY)
                    : Set.copyOf(openDays);
            procedures = procedures == null ? Set.of() : Set.copyOf(procedures);
        }
    }
}
