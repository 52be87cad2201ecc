package jp.jukiflow.municipality;

import java.util.Set;

/** A counter of a municipality (本庁 or 支所), its hours and the procedures it accepts. */
public record Office(String id, String municipalityCode, String name, boolean main, OfficeHours hours,
                     Set<Procedure> procedures) {

    public Office {
        procedures = Set.copyOf(procedures);
    }

    public boolean accepts(Procedure procedure) {
        return procedures.contains(procedure);
    }
}
