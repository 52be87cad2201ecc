package jp.jukiflow.card;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CardLabelsTest {

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource({"JUKI, 住基カード", "MY_NUMBER, マイナンバーカード"})
    void cardTypeLabels(CardType type, String label) {
        assertThat(type.labelJa()).isEqualTo(label);
    }

    @ParameterizedTest(name = "[{index}] {0} = {1}")
    @CsvSource({
            "ACTIVE, 有効", "SUSPENDED, 一時停止", "ABOLISHED, 廃止",
            "EXPIRED, 期限切れ", "LAPSED, 失効", "RETURNED, 返納"})
    void cardStatusLabels(CardStatus status, String label) {
        assertThat(status.labelJa()).isEqualTo(label);
    }

    @ParameterizedTest(name = "[{index}] {0} = {1} (My Number card: {2})")
    @CsvSource({
            "DEATH, 死亡, true",
            "REGISTER_DELETED, 住民票消除, true",
            "RESIDENT_CODE_CHANGED, 住民票コード変更, true",
            "MOVED_ABROAD, 国外転出, true",
            "NOT_CONTINUED, 継続利用なし（失効）, true",
            "RETURNED, 返納, true",
            "ABOLISHED, 廃止, true",
            "MY_NUMBER_ISSUED, マイナンバーカード交付, false"})
    void invalidationReasonLabels(InvalidationReason reason, String label, boolean appliesToMyNumberCard) {
        assertThat(reason.labelJa()).isEqualTo(label);
        assertThat(reason.appliesTo(CardType.JUKI)).isTrue();
        assertThat(reason.appliesTo(CardType.MY_NUMBER)).isEqualTo(appliesToMyNumberCard);
    }
}
