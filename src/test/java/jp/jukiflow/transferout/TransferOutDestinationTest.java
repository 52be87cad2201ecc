package jp.jukiflow.transferout;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.shared.DomainRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** 法23条/24条: a destination equal to the origin is a 転居, never a 転出; another municipality or abroad is a 転出. */
class TransferOutDestinationTest {

    @ParameterizedTest(name = "{0} → {1}: refused {2}")
    @CsvSource(nullValues = "abroad", value = {
            "013676, 013676, true",
            "012025, 012025, true",
            "013676, 012025, false",
            "012025, 013676, false",
            "013676, 011002, false",
            "013676, abroad, false",
    })
    void aTransferOutToTheOriginItselfIsRefused(String origin, String destination, boolean refused) {
        LocalGovernmentCode to = destination == null ? null : LocalGovernmentCode.of(destination);
        assertThat(TransferOutDestination.check(LocalGovernmentCode.of(origin), to).isPresent()).isEqualTo(refused);
    }

    @Test
    void theRefusalPointsToTheInTownMove() {
        LocalGovernmentCode okushiri = LocalGovernmentCode.of(OKUSHIRI);
        assertThatThrownBy(() -> TransferOutDestination.requireElsewhere(okushiri, okushiri))
                .isInstanceOf(DomainRuleViolation.class)
                .hasMessageContaining("転居届").hasMessageContaining("第23条")
                .extracting(e -> ((DomainRuleViolation) e).code()).isEqualTo("TRANSFER_OUT_TO_ORIGIN");
    }

    @Test
    void everyChannelsValidatorRefusesItOnTheDestinationField() {
        TransferOutForm form = new TransferOutForm("2026-12-03", null,
                new TransferOutForm.Filer("奥尻 太郎", "オクシリ タロウ", "1980-04-01", "本人"),
                "北海道奥尻郡奥尻町字奥尻1番地", "奥尻 太郎",
                new TransferOutForm.NewAddress(OKUSHIRI, "北海道奥尻郡奥尻町字青苗2番地"), "奥尻 太郎",
                java.util.List.of(new TransferOutForm.Mover("奥尻 太郎", "オクシリ タロウ", "1980-04-01", "男", "世帯主")),
                "0", "MY_NUMBER", "true", "01397-2-3111", null);
        TransferOutRequestValidator validator = new TransferOutRequestValidator(14);
        assertThatThrownBy(() -> validator.validate(form, java.time.LocalDate.of(2026, 12, 1), LocalGovernmentCode.of(OKUSHIRI)))
                .isInstanceOfSatisfying(InvalidTransferOutRequest.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("newAddress.municipalityCode", "TRANSFER_OUT_TO_ORIGIN")));
        assertThat(validator.validate(form, java.time.LocalDate.of(2026, 12, 1), LocalGovernmentCode.of(HAKODATE))
                .destinationCode().value()).isEqualTo(OKUSHIRI);
    }
}
