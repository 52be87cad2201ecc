package jp.jukiflow.municipality;

import java.util.List;
import java.util.Optional;

import jp.jukiflow.municipality.internal.MunicipalityStore;
import jp.jukiflow.shared.ResourceNotFound;
import org.springframework.stereotype.Service;

/** Looks up the municipalities this deployment serves and their offices. */
@Service
public class MunicipalityDirectory {

    private final MunicipalityStore store;

    MunicipalityDirectory(MunicipalityStore store) {
        this.store = store;
    }

    public List<Municipality> all() {
        return store.findAll();
    }

    public Optional<Municipality> find(LocalGovernmentCode code) {
        return all().stream().filter(m -> m.code().equals(code)).findFirst();
    }

    /** The municipality's name (「函館市」), or 「団体コード 012345 の市区町村」 for one this deployment does not list. */
    public String nameOf(String municipalityCode) {
        return find(LocalGovernmentCode.of(municipalityCode)).map(Municipality::name)
                .orElse("団体コード " + municipalityCode + " の市区町村");
    }

    /**
     * The municipality's name with its code for a refusal (「函館市（012025）」), or 「他の市区町村（012345）」 for a code this
     * deployment does not list or that is not a valid code.
     */
    public String labelOf(String municipalityCode) {
        try {
            return find(LocalGovernmentCode.of(municipalityCode)).map(Municipality::name)
                    .map(n -> n + "（" + municipalityCode + "）").orElse("他の市区町村（" + municipalityCode + "）");
        } catch (RuntimeException e) {
            return "他の市区町村（" + municipalityCode + "）";
        }
    }

    /** The municipality with that code, or a {@link ResourceNotFound} with code {@code MUNICIPALITY_NOT_FOUND}. */
    public Municipality require(LocalGovernmentCode code) {
        return find(code).orElseThrow(() -> new ResourceNotFound("MUNICIPALITY_NOT_FOUND",
                "団体コード " + code.value() + " の市区町村は、このシステムでは取り扱っていません。"));
    }
}
