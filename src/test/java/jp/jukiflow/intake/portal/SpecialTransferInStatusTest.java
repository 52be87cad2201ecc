package jp.jukiflow.intake.portal;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.jukiflow.notify.MailNotifier;
import jp.jukiflow.notify.OutboxEntry;
import jp.jukiflow.support.ClientAddress;
import jp.jukiflow.support.MovingResidents;
import jp.jukiflow.support.ProcessTestFixture;
import jp.jukiflow.support.TestClock;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.IntakeChannel;
import jp.jukiflow.transferout.TransferOutIntake;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * After an accepted mailed special transfer-out, the status page and the status API tell the resident what the
 * acceptance mail tells them: the special transfer-in's last day (Japanese date) and what to bring, in the same words
 * (one source, messages.properties); and every link in those mails is under the configured public URL
 * ({@code jukiflow.public-base-url}, https://juki.example.lg.jp in application-test.yml). The clock is pinned to
 * 2026-11-26 10:00 JST; the planned move-out 2026-12-03 gives the last day 2027-01-04 (+30 days is Saturday 2027-01-02,
 * in the year-end closure).
 */
class SpecialTransferInStatusTest extends ProcessTestFixture {

    static final String PUBLIC_URL = "https://juki.example.lg.jp";

    /** The part of the acceptance mail about the special transfer-in, as it read before its texts were shared. */
    static final String MAIL_BLOCK = """
            ■ 転入の手続き（特例転入）
            新しい住所地の北海道函館市の窓口で、転入届をしてください。郵送やメールではできません。

            ・期限: 2027年1月4日（月）まで
              ただし、新しい住所に住み始めた日から14日を過ぎる場合は、住み始めた日から14日以内に届け出てください。
            ・お持ちいただくもの
              - 転出届でお知らせいただいたマイナンバーカード（または住基カード）
              - そのカードの暗証番号（数字4桁）。窓口で入力していただきます。
              - 一緒に転出する方（異動者）全員分のマイナンバーカード（お持ちの方のみ）と、それぞれの暗証番号
                転入届は、一緒に転出する方全員の分をまとめて届け出てください。
            """;
    static final String MAIL_FALLBACK = """
            期限を過ぎた場合、カードをお持ちでない場合、暗証番号が分からない場合は、カードを利用した転入の手続きはできません。
            その場合は、転出証明書が必要になりますので、奥尻町 住民係までご連絡ください。
            """;

    @Autowired
    ApplicationContext context;
    @Autowired
    TransferOutIntake intake;
    @Autowired
    MailNotifier notifier;
    @Autowired
    ObjectMapper json;

    MovingResidents.Mover mover;
    String receipt;
    ProcessInstance instance;

    @BeforeEach
    void fileARequest() {
        mover = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町字奥尻1番地");
        receipt = intake.submit(OKUSHIRI, mover.transferOutForm("2026-12-03", HAKODATE, "北海道函館市五稜郭町1番1号"),
                IntakeChannel.WEB, List.of(new Attachment("card.png", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'})),
                clock.instant(), "test:special-transfer-in-status:" + System.nanoTime()).receiptNumber();
        instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(receipt).singleResult();
        executeDueJobs(instance);
    }

    @Test
    void anAcceptedSpecialTransferOutShowsTheLastDayAndWhatToBringInTheWordsOfTheMail() throws Exception {
        // under review: nothing to do at a counter yet
        assertThat(page()).contains("審査中").doesNotContain("転入の手続き（特例転入）", "お持ちいただくもの");
        assertThat(api().has("counterVisit")).isFalse();

        accept();
        assertThat(runtimeService.getVariable(instance.getId(), "lastDayForTransferIn")).isEqualTo("2027-01-04");

        String page = page();
        assertThat(page).contains("転入届の待ち", "<h3 id=\"counter-visit-title\">転入の手続き（特例転入）</h3>",
                "新しい住所地の市区町村の窓口で、転入届をしてください。郵送やメールではできません。",
                "<strong id=\"counter-visit-last-day\">2027年1月4日（月）まで</strong>",
                "ただし、新しい住所に住み始めた日から14日を過ぎる場合は、住み始めた日から14日以内に届け出てください。",
                "<li>転出届でお知らせいただいたマイナンバーカード（または住基カード）</li>",
                "<li>そのカードの暗証番号（数字4桁）。窓口で入力していただきます。</li>",
                "<li>一緒に転出する方（異動者）全員分のマイナンバーカード（お持ちの方のみ）と、それぞれの暗証番号</li>",
                "転入届は、一緒に転出する方全員の分をまとめて届け出てください。",
                "カードを利用した転入の手続きはできません。その場合は、転出証明書が必要になりますので、奥尻町までご連絡ください。")
                // nothing of the new address beyond what the page needs
                .doesNotContain("期限を過ぎています", "函館", "五稜郭");

        JsonNode visit = api().get("counterVisit");
        assertThat(visit.get("title").asText()).isEqualTo("転入の手続き（特例転入）");
        assertThat(visit.get("lastDay").asText()).isEqualTo("2027-01-04");
        assertThat(visit.get("lastDayText").asText()).isEqualTo("2027年1月4日（月）");
        assertThat(visit.get("lastDayPassed").asBoolean()).isFalse();
        List<String> items = new ArrayList<>();
        visit.get("whatToBring").forEach(i -> items.add(i.asText()));
        assertThat(items).hasSize(3);

        // the mail says the same, in the same words, and reads as it did before the texts were shared
        String mail = mail("transfer-out-accepted-special");
        assertThat(mail).contains(MAIL_BLOCK, MAIL_FALLBACK);
        for (String item : items) {
            assertThat(mail).contains("  - " + item + "\n");
            assertThat(page).contains("<li>" + item + "</li>");
        }
        assertThat(mail).contains("・期限: " + visit.get("lastDayText").asText() + "まで", visit.get("lastDayNote").asText());

        // after the last day the page says it is over
        String late = TestClock.of(clock).at(Instant.parse("2027-01-04T15:00:00Z"), () -> {
            try {
                return page();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(late).contains("2027年1月4日（月）まで", "（期限を過ぎています）");
    }

    @Test
    void theLastDayIsShownOnlyWhileTheCaseWaitsForTheMoveIn() throws Exception {
        accept();
        assertThat(page()).contains("転入の手続き（特例転入）");
        // the special route lapsed: the clerk takes over, no counter visit is shown any more
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Event_SpecialRouteLapsed").singleResult().getId());
        assertThat(page()).contains("転入届の確認中").doesNotContain("転入の手続き（特例転入）", "お持ちいただくもの");
        assertThat(api().has("counterVisit")).isFalse();
    }

    @Test
    void mailLinksUseTheConfiguredPublicUrlNeverTheRequestHost() throws Exception {
        accept();
        String statusPage = PUBLIC_URL + "/portal/requests/" + receipt;
        for (String template : List.of("transfer-out-received", "transfer-out-accepted-special")) {
            String mail = mail(template);
            assertThat(mail).as(template).contains("手続きの状況は、次のページでご確認いただけます。\n" + statusPage + "\n")
                    .doesNotContain("localhost", "http://");
        }
    }

    private void accept() {
        String task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId();
        taskService.complete(task, Map.of("reviewDecision", "ACCEPT", "route", "SPECIAL"));
        executeDueJobs(instance);
    }

    private String page() throws Exception {
        return mvc.perform(get("/portal/requests/" + receipt).param("birthDate", mover.birthDate().toString())
                        .with(ClientAddress.from(ClientAddress.fresh())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ");
    }

    private JsonNode api() throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/requests/" + receipt).param("birthDate", mover.birthDate().toString())
                        .with(ClientAddress.from(ClientAddress.fresh())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private String mail(String template) {
        return notifier.mailsOf(receipt).stream().filter(m -> m.template().equals(template)).map(OutboxEntry::body)
                .findFirst().orElseThrow(() -> new AssertionError("no mail " + template + " for " + receipt));
    }
}
