package jp.jukiflow.intake;

import static jp.jukiflow.support.Towns.HAKODATE;
import static org.assertj.core.api.Assertions.assertThat;

import jp.jukiflow.transferout.TransferOutForm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransferOutMailParserTest {

    private static final String SENDER = "taro@example.jp";
    private final TransferOutMailParser parser = new TransferOutMailParser();

    /** The example of the README. */
    static final String EXAMPLE = """
            奥尻町役場 住民係 御中

            転出予定日: 2026-12-10
            届出人氏名: 奥尻 太郎
            届出人フリガナ: オクシリ タロウ
            届出人生年月日: 1980-04-01
            届出人と異動者の関係: 本人
            現住所: 北海道奥尻郡奥尻町字奥尻1番地
            現世帯主: 奥尻 太郎
            新住所の市区町村コード: 012025
            新住所: 北海道函館市東雲町4番13号
            新世帯主: 奥尻 太郎
            異動者1氏名: 奥尻 太郎
            異動者1フリガナ: オクシリ タロウ
            異動者1生年月日: 1980-04-01
            異動者1性別: 男
            異動者1続柄: 世帯主
            異動者2氏名: 奥尻 花子
            異動者2フリガナ: オクシリ ハナコ
            異動者2生年月日: 1982-08-15
            異動者2性別: 女
            異動者2続柄: 妻
            カードを持つ異動者: 1
            カードの種類: マイナンバーカード
            継続利用: 希望する
            電話番号: 01397-2-0000

            よろしくお願いします。
            """;

    @Test
    void readsEveryLabelOfTheExample() {
        TransferOutForm form = parsed(EXAMPLE);
        assertThat(form.plannedMoveOutDate()).isEqualTo("2026-12-10");
        assertThat(form.movedOn()).isNull();
        assertThat(form.filer()).isEqualTo(new TransferOutForm.Filer("奥尻 太郎", "オクシリ タロウ", "1980-04-01", "本人"));
        assertThat(form.currentAddress()).isEqualTo("北海道奥尻郡奥尻町字奥尻1番地");
        assertThat(form.headOfHousehold()).isEqualTo("奥尻 太郎");
        assertThat(form.newAddress()).isEqualTo(new TransferOutForm.NewAddress(HAKODATE, "北海道函館市東雲町4番13号"));
        assertThat(form.newHeadOfHousehold()).isEqualTo("奥尻 太郎");
        assertThat(form.movers()).containsExactly(
                new TransferOutForm.Mover("奥尻 太郎", "オクシリ タロウ", "1980-04-01", "男", "世帯主"),
                new TransferOutForm.Mover("奥尻 花子", "オクシリ ハナコ", "1982-08-15", "女", "妻"));
        assertThat(form.cardHolderIndex()).isEqualTo("0");
        assertThat(form.cardType()).isEqualTo("MY_NUMBER");
        assertThat(form.continuedUse()).isEqualTo("true");
        assertThat(form.phone()).isEqualTo("01397-2-0000");
        // no メールアドレス line: the sender's address
        assertThat(form.email()).isEqualTo(SENDER);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            転出予定日: 2026-12-10          | 2026-12-10
            転出予定日：2026-12-10          | 2026-12-10
            転出予定日 ： 2026/12/10        | 2026-12-10
            転出予定日:2026年12月10日       | 2026-12-10
            　転出予定日　：　２０２６年１２月１０日　 | 2026-12-10
            転出予定日: 2026/1/5            | 2026-01-05
            転出予定日: 令和8年12月10日     | 2026-12-10
            転出予定日: 2026-02-30          | 2026-02-30
            転出予定日: 2026年2月30日       | 2026年2月30日
            転出予定日: 12月10日            | 12月10日
            転出予定日: あした              | あした
            """)
    void normalisesDatesAndPassesImpossibleOnesThroughAsWritten(String line, String expected) {
        assertThat(parsed(line).plannedMoveOutDate()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            届出人生年月日: 昭和55年4月1日  | 1980-04-01
            届出人生年月日: 平成元年1月8日  | 1989-01-08
            届出人生年月日: H2.3.4          | 1990-03-04
            届出人生年月日: 1980-4-1        | 1980-04-01
            """)
    void readsJapaneseEraBirthDates(String line, String expected) {
        assertThat(parsed("転出予定日: 2026-12-10\n" + line).filer().birthDate()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            カードの種類: 住基カード         | JUKI
            カードの種類: 住民基本台帳カード | JUKI
            カードの種類: マイナンバーカード | MY_NUMBER
            カードの種類: 個人番号カード     | MY_NUMBER
            カードの種類: 運転免許証         | 運転免許証
            """)
    void mapsCardTypes(String line, String expected) {
        assertThat(parsed("転出予定日: 2026-12-10\n" + line).cardType()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            継続利用: 希望する    | true
            継続利用: 希望しない  | false
            継続利用: たぶん      | たぶん
            """)
    void mapsContinuedUse(String line, String expected) {
        assertThat(parsed("転出予定日: 2026-12-10\n" + line).continuedUse()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            カードを持つ異動者: 1     | 0
            カードを持つ異動者: ２    | 1
            カードを持つ異動者: 3人目 | 2
            カードを持つ異動者: 全員  | 全員
            """)
    void turnsTheOneBasedCardHolderIntoAnIndex(String line, String expected) {
        assertThat(parsed("転出予定日: 2026-12-10\n" + line).cardHolderIndex()).isEqualTo(expected);
    }

    @Test
    void readsFullWidthMoverNumbersAndKeepsGapsSoThatNumbersStayTrue() {
        TransferOutForm form = parsed("""
                異動者１氏名: 一郎
                異動者３氏名：三郎
                異動者３生年月日：２０１０／０４／０１
                """);
        assertThat(form.movers()).extracting(TransferOutForm.Mover::name).containsExactly("一郎", null, "三郎");
        assertThat(form.movers().get(2).birthDate()).isEqualTo("2010-04-01");
    }

    @Test
    void readsMoreThanTenMoversSoThatTheValidatorCanRefuseThem() {
        StringBuilder body = new StringBuilder("転出予定日: 2026-12-10\n");
        for (int n = 1; n <= 11; n++) {
            body.append("異動者").append(n).append("氏名: 人").append(n).append('\n');
        }
        assertThat(parsed(body.toString()).movers()).hasSize(11);
    }

    @Test
    void ignoresQuotedReplyLinesUnknownLabelsAndNearMisses() {
        TransferOutForm form = parsed("""
                転出予定日: 2026-12-10
                > 転出日: 2026-12-01
                ＞ 届出人氏名: 引用 太郎
                転出日（予定）: 2026-12-02
                氏名: 誰か
                届出人氏名 奥尻 太郎
                備考: 転出日: 2026-12-03
                """);
        assertThat(form.movedOn()).isNull();
        assertThat(form.filer()).isNull();
    }

    @Test
    void theFirstFilledOccurrenceOfALabelWins() {
        TransferOutForm form = parsed("""
                転出予定日:
                転出予定日: 2026-12-10
                転出予定日: 2026-12-11
                """);
        assertThat(form.plannedMoveOutDate()).isEqualTo("2026-12-10");
    }

    @Test
    void anExplicitMailAddressWinsOverTheSender() {
        assertThat(parsed("転出予定日: 2026-12-10\nメールアドレス: other@example.jp").email())
                .isEqualTo("other@example.jp");
    }

    @Test
    void normalisesFullWidthDigitsInCodeAndPhone() {
        TransferOutForm form = parsed("転出予定日: 2026-12-10\n新住所の市区町村コード：０１２０２５\n電話番号：０９０ー１２３４ー５６７８");
        assertThat(form.newAddress().municipalityCode()).isEqualTo(HAKODATE);
        assertThat(form.phone()).isEqualTo("090-1234-5678");
    }

    @Test
    void windowsLineEndingsAndTabsWork() {
        assertThat(parsed("転出予定日:\t2026-12-10\r\n届出人氏名 :\t奥尻 太郎\r\n").filer().name()).isEqualTo("奥尻 太郎");
    }

    @Test
    void aMoverNameAloneMakesItARequest() {
        assertThat(parsed("異動者1氏名: 奥尻 太郎").plannedMoveOutDate()).isNull();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            NULL
            ''
            お世話になっております。転出の手続きについて教えてください。
            転出日: 2026-12-01
            > 転出予定日: 2026-12-10
            転出予定日:
            """)
    void withoutPlannedDateAndFirstMoverItIsNotARequest(String body) {
        TransferOutMailParser.Result result = parser.parse(body, SENDER);
        assertThat(result).isInstanceOf(TransferOutMailParser.NotARequest.class);
        assertThat(((TransferOutMailParser.NotARequest) result).reason()).contains("転出予定日").contains("異動者1氏名");
    }

    private TransferOutForm parsed(String body) {
        TransferOutMailParser.Result result = parser.parse(body, SENDER);
        assertThat(result).isInstanceOf(TransferOutMailParser.Parsed.class);
        return ((TransferOutMailParser.Parsed) result).form();
    }
}
