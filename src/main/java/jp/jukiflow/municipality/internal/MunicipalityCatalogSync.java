package jp.jukiflow.municipality.internal;

import java.util.List;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.Office;
import jp.jukiflow.municipality.OfficeHours;
import jp.jukiflow.shared.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Writes the configured municipalities and offices into the database at startup (idempotent). */
@Component
@Order(StartupOrder.MUNICIPALITY_CATALOGUE)
class MunicipalityCatalogSync implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityCatalogSync.class);

    private final MunicipalityProperties properties;
    private final MunicipalityStore store;

    MunicipalityCatalogSync(MunicipalityProperties properties, MunicipalityStore store) {
        this.properties = properties;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (MunicipalityProperties.MunicipalitySetting s : properties.municipalities()) {
            LocalGovernmentCode code = LocalGovernmentCode.of(s.code());
            List<Office> offices = s.offices().stream()
                    .map(o -> new Office(o.id(), code.value(), o.name(), o.main(),
                            new OfficeHours(o.opensAt(), o.closesAt(), o.openDays()), o.procedures()))
                    .toList();
            store.save(new Municipality(code, s.name(), s.nameKana(), s.prefecture(), s.mailDomain(), offices));
        }
        log.info("Municipality catalogue: {} municipalities configured", properties.municipalities().size());
    }
}
