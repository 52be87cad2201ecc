package jp.jukiflow.card;

import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.jpki.CardCertificates;
import jp.jukiflow.jpki.CertificateStatus;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.card.internal.CardReturns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The clerks' card page {@code /staff/cards/{number}} with its 「返納」 form: the managing municipality's clerk sees the
 * card and returns it, another municipality's clerk gets 403, an unknown card 404, bad input a Japanese message with
 * 400, a second return 409 — never a 500 — and a post without the CSRF token is refused.
 */
@JukiflowTest
class StaffCardPageTest {

    static final String CLERK = "hakodate-clerk";
    static final String OTHER_CLERK = "okushiri-clerk";

    @Autowired
    MockMvc mvc;
    @Autowired
    CardRegistry cards;
    @Autowired
    CardCertificates certificates;
    @Autowired
    ApplicationContext context;

    LifecycleTestCards testCards;
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        testCards = LifecycleTestCards.in(context);
    }

    @AfterEach
    void retire() {
        created.forEach(testCards::retire);
    }

    @Test
    void theManagingMunicipalitysClerkSeesTheCardAndReturnsIt() throws Exception {
        String card = newCard();
        mvc.perform(get("/staff/cards/" + card).with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("マイナンバーカード"), containsString(card),
                        containsString("有効"), containsString("函館市（012025）"), containsString("有効期限"),
                        containsString("ISSUED"), containsString("返納の理由"), containsString("国外転出"),
                        containsString("name=\"_csrf\""))));

        // bad input: Japanese reason, 400, nothing changed
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("返納の理由を選んでください")));
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                        .param("reason", "LOST_IT"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("返納の理由は一覧から選んでください")));
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                        .param("reason", "NOT_NEEDED").param("note", "x".repeat(501)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("500文字以内")));
        // without the CSRF token: refused
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK))
                        .param("reason", "NOT_NEEDED"))
                .andExpect(status().isForbidden());
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);

        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                        .param("reason", "MOVED_ABROAD").param("note", "転出先：シンガポール"))
                .andExpect(redirectedUrl("/staff/cards/" + card + "?done=returned"));
        Card returned = cards.find(card).orElseThrow();
        assertThat(returned.status()).isEqualTo(CardStatus.RETURNED);
        assertThat(cards.events(returned.id())).filteredOn(e -> CardReturns.EVENT_RETURNED.equals(e.eventType()))
                .singleElement().satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("返納（国外転出）");
                    assertThat(e.detail()).isEqualTo("転出先：シンガポール");
                    assertThat(e.actor()).isEqualTo(CLERK);
                });
        assertThat(certificates.certificatesOf(returned.id()))
                .allSatisfy(c -> assertThat(c.status()).isEqualTo(CertificateStatus.REVOKED));
        mvc.perform(get("/staff/cards/" + card).param("done", "returned").with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("返納を受け付けました"), containsString("返納（国外転出）"),
                        not(containsString("返納を受け付ける</button>")))));

        // a second click (or a colleague): 409 with the reason
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                        .param("reason", "NOT_NEEDED"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("既に返納されています")));
    }

    @Test
    void anotherMunicipalitysCardReadsExactlyLikeAnUnknownOne() throws Exception {
        String card = newCard();
        String unknown = "PT999999999";
        String other = mvc.perform(get("/staff/cards/" + card).with(httpBasic(OTHER_CLERK, OTHER_CLERK)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(allOf(containsString("この市区町村で管理するカードにありません"),
                        not(containsString("権限")), not(containsString(OKUSHIRI)), not(containsString("奥尻")))))
                .andReturn().getResponse().getContentAsString();
        String none = mvc.perform(get("/staff/cards/" + unknown).with(httpBasic(OTHER_CLERK, OTHER_CLERK)))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        // the same page, but for the number asked about
        assertThat(other.replace(card, "{number}")).isEqualTo(none.replace(unknown, "{number}"));
        mvc.perform(post("/staff/cards/" + card + "/return").with(httpBasic(OTHER_CLERK, OTHER_CLERK)).with(csrf())
                        .param("reason", "NOT_NEEDED"))
                .andExpect(status().isNotFound());
        assertThat(cards.find(card).orElseThrow().status()).isEqualTo(CardStatus.ACTIVE);

        mvc.perform(get("/staff/cards/NO-SUCH-CARD").with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("この市区町村で管理するカードにありません")));
        mvc.perform(post("/staff/cards/NO-SUCH-CARD/return").with(httpBasic(CLERK, CLERK)).with(csrf())
                        .param("reason", "NOT_NEEDED"))
                .andExpect(status().isNotFound());
        // not logged in: to the login page
        mvc.perform(get("/staff/cards/" + card).accept(MediaType.TEXT_HTML))
                .andExpect(redirectedUrlPattern("**/login"));
    }

    @Test
    void clerksFindTheirMunicipalitysCardsByNumberOrResidentCode() throws Exception {
        String card = newCard();
        String holder = cards.find(card).orElseThrow().holderResidentCode();
        mvc.perform(get("/staff/cards").with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("カード番号 または 住民票コード")));
        // a card number (full-width and lower case as typed) opens the card's page
        mvc.perform(get("/staff/cards").param("q", " " + toFullWidth(card.toLowerCase()) + " ").with(httpBasic(CLERK, CLERK)))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/staff/cards/" + card));
        // a 住民票コード lists the resident's cards
        mvc.perform(get("/staff/cards").param("q", holder).with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("検索結果"), containsString("/staff/cards/" + card),
                        containsString("有効"))));
        // another municipality's clerk finds neither
        mvc.perform(get("/staff/cards").param("q", card).with(httpBasic(OTHER_CLERK, OTHER_CLERK)))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("この市区町村で管理するカードにありません")));
        mvc.perform(get("/staff/cards").param("q", holder).with(httpBasic(OTHER_CLERK, OTHER_CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("no-results"), not(containsString(card)))));
        // bad input: Japanese reason and code, never a 500
        String wrongCheckDigit = holder.substring(0, 10) + ((holder.charAt(10) - '0' + 1) % 10);
        mvc.perform(get("/staff/cards").param("q", wrongCheckDigit).with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("CARD_SEARCH_RESIDENT_CODE"), containsString("検査数字"))));
        mvc.perform(get("/staff/cards").param("q", "<script>").with(httpBasic(CLERK, CLERK)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(allOf(containsString("CARD_SEARCH_QUERY"), not(containsString("<script>")))));
    }

    private static String toFullWidth(String ascii) {
        StringBuilder s = new StringBuilder();
        for (char c : ascii.toCharArray()) {
            s.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return s.toString();
    }

    private String newCard() {
        String number = testCards.mover().cardNumber();
        created.add(number);
        return number;
    }
}
