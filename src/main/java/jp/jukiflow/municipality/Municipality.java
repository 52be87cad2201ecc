package jp.jukiflow.municipality;

import java.util.List;
import java.util.Optional;

/** A municipality (市区町村) served by this deployment, with its offices. */
public record Municipality(LocalGovernmentCode code, String name, String nameKana, String prefecture,
                           String mailDomain, List<Office> offices) {

    public Municipality {
        offices = List.copyOf(offices);
    }

    public Optional<Office> office(String officeId) {
        return offices.stream().filter(o -> o.id().equals(officeId)).findFirst();
    }

    public Office mainOffice() {
        return offices.stream().filter(Office::main).findFirst().orElse(offices.get(0));
    }
}
