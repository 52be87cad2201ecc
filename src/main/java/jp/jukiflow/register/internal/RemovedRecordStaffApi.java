package jp.jukiflow.register.internal;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Hidden;
import jp.jukiflow.register.RemovedRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff API (login required): the 除票 the operator's municipality keeps, by 住民票コード or by id, each read audited
 * with the mandatory purpose. Another municipality's 除票 is not found (404, the text of an unknown one); a malformed
 * code or a missing purpose is a 400 problem detail in Japanese. 本籍・筆頭者 are in the answer only when asked
 * ({@code honseki=true}).
 */
@RestController
@RequestMapping(path = "/staff/api/v1/removed-records", produces = "application/json")
@Hidden
class RemovedRecordStaffApi {

    private final RemovedRecordQueries queries;

    RemovedRecordStaffApi(RemovedRecordQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<RemovedRecordView> ofResident(@RequestParam(required = false) String residentCode,
                                       @RequestParam(required = false) String purpose,
                                       @RequestParam(defaultValue = "false") boolean honseki) {
        return queries.ofResident(residentCode, purpose).stream().map(r -> view(r, honseki)).toList();
    }

    @GetMapping("/{id}")
    RemovedRecordView one(@PathVariable String id, @RequestParam(required = false) String purpose,
                          @RequestParam(defaultValue = "false") boolean honseki) {
        return view(queries.one(id, purpose), honseki);
    }

    private RemovedRecordView view(RemovedRecord r, boolean honseki) {
        return new RemovedRecordView(r.id(), r.code().value(), r.municipalityCode(),
                queries.municipalityName(r.municipalityCode()), r.name().full(), r.name().fullKana(), r.birthDate(),
                r.sex().label(), r.postalCode(), r.address(), r.headOfHousehold(), r.relationship(),
                r.nationality().label(), honseki ? r.honseki() : null, honseki ? r.hittosha() : null,
                r.reason().name(), r.reason().label(), r.removedOn(), queries.destination(r), r.retainUntil());
    }

    record RemovedRecordView(long id, String residentCode, String municipalityCode, String municipalityName,
                             String name, String nameKana, LocalDate birthDate, String sex, String postalCode,
                             String address, String headOfHousehold, String relationship, String nationality,
                             String honseki, String hittosha, String reason, String reasonLabel, LocalDate removedOn,
                             String destination, LocalDate retainUntil) {
    }
}
