package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.jukiflow.register.RemovalReason;
import jp.jukiflow.register.ResidentCode;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.support.ClientAddress;
import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.MovingResidents;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/**
 * The CSRF token never travels in a URL (where it would reach logs, the browser history and Referer headers): no link,
 * form action or source carries it, a GET form never holds it (its fields become the query string), and a POST form
 * holds it as its hidden field. Checked on the rendered pages (portal, staff pages, dashboard), on the template sources
 * (for the branches a rendering does not reach) and on the JavaScript.
 */
@JukiflowTest
class NoCsrfTokenInUrlsTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Path TASKLIST_FORMS = Path.of("forms");
    static final Path SCRIPTS = Path.of("src/main/resources/static/js");
    /** Fragments only (no page of their own). */
    static final Set<String> FRAGMENTS = Set.of("home/layout", "portal/layout", "portal/fields", "pinpad/layout",
            "suspension/layout");
    /** Pages this test does not render (each needs a process or a locked card set up): the source check covers them. */
    static final Set<String> NOT_RENDERED = Set.of("suspension/detail", "pinpad/new-pin", "pinpad/new-pin-result",
            "pinpad/problem", "pinpad/unusable");
    static final String CLERK = "okushiri-clerk";
    static final String MANAGER = "okushiri-manager";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    final Set<String> rendered = new TreeSet<>();

    @Test
    void noRenderedPageCarriesTheTokenInAUrlOrAGetForm() throws Exception {
        MovingResidents.Mover mover = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町字奥尻2番地");

        // resident portal
        check("/", get("/"));
        check("/login", get("/login"));
        check("/portal", get("/portal"));
        check("transfer-out form", get("/portal/013676/transfer-out"));
        check("unknown municipality", get("/portal/999999/transfer-out"));
        check("look-up error", get("/portal/requests").param("receiptNumber", "12345"));
        String receipt = receiptOf(check("received", submittedTransferOut()));
        check("status: ask", get("/portal/requests/" + receipt));
        check("status: shown", post("/portal/requests/" + receipt).with(csrf()).param("birthDate", "1980-04-01"));
        check("status: wrong date", get("/portal/requests/" + receipt).param("birthDate", "1980-04-02")
                .with(ClientAddress.from(ClientAddress.fresh())));
        check("error page", get("/portal/no/such/page"));

        // staff pages
        check("card search", get("/staff/cards").with(httpBasic(CLERK, CLERK)));
        check("card search result", get("/staff/cards").param("q", mover.residentCode()).with(httpBasic(CLERK, CLERK)));
        check("card page", get("/staff/cards/" + mover.cardNumber()).with(httpBasic(CLERK, CLERK)));
        check("suspension search", get("/staff/card-suspensions").param("q", mover.cardNumber()).with(httpBasic(CLERK, CLERK)));
        check("PIN request form", get("/staff/pin-requests/new").with(httpBasic(CLERK, CLERK)));
        MvcResult opened = mvc.perform(post("/staff/pin-requests").with(httpBasic(CLERK, CLERK)).with(csrf())
                .contentType("application/x-www-form-urlencoded").param("cardNumber", mover.cardNumber())
                .param("purpose", "IDENTITY_CHECK")).andReturn();
        String pad = opened.getResponse().getRedirectedUrl();
        assertThat(pad).as(opened.getResponse().getContentAsString()).startsWith("/staff/pin-pad/");
        check("PIN pad", get(pad).with(httpBasic(CLERK, CLERK)));
        mvc.perform(post(pad).with(httpBasic(CLERK, CLERK)).with(csrf()).param("pin", MovingResidents.PIN));
        check("PIN result", get(pad + "/result").with(httpBasic(CLERK, CLERK)));
        check("disclosure form", get("/staff/disclosures").with(httpBasic(CLERK, CLERK)));
        check("disclosure", get("/staff/disclosures").param("residentCode", mover.residentCode()).with(httpBasic(CLERK, CLERK)));
        check("wide-area copies", get("/staff/wide-area-copies").with(httpBasic(CLERK, CLERK)));
        MovingResidents.Mover deceased = MovingResidents.in(context).create(OKUSHIRI, "043-1401", "北海道奥尻郡奥尻町字奥尻3番地");
        long removedId = context.getBean(ResidentRegister.class).remove(ResidentCode.of(deceased.residentCode()), OKUSHIRI,
                RemovalReason.DEATH, LocalDate.of(2026, 11, 25), "test", "テスト").id();
        check("除票 search", get("/staff/removed-records").param("residentCode", deceased.residentCode())
                .param("purpose", "除票の確認").with(httpBasic(CLERK, CLERK)));
        check("除票", get("/staff/removed-records/" + removedId).param("purpose", "除票の確認").with(httpBasic(CLERK, CLERK)));
        check("dashboard", get("/dashboard").with(httpBasic(MANAGER, MANAGER)));

        // every page template is rendered above or named as checked by its source only
        Set<String> pages = new TreeSet<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(f -> f.toString().endsWith(".html")).map(f -> TEMPLATES.relativize(f).toString()
                    .replace('\\', '/').replaceAll("\\.html$", "")).filter(n -> !FRAGMENTS.contains(n)).forEach(pages::add);
        }
        Set<String> missing = new TreeSet<>(pages);
        missing.removeAll(rendered);
        missing.removeAll(NOT_RENDERED);
        assertThat(missing).as("page templates neither rendered here nor listed in NOT_RENDERED").isEmpty();
    }

    @Test
    void noTemplateLinksTheTokenOrPutsItIntoAGetForm() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path root : List.of(TEMPLATES, TASKLIST_FORMS)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(f -> f.toString().endsWith(".html")).forEach(sources::add);
            }
        }
        assertThat(sources).hasSizeGreaterThan(20);
        for (Path source : sources) {
            String text = Files.readString(source);
            assertThat(text).as("%s: a link expression @{…} with _csrf", source).doesNotContainPattern("@\\{[^}]*_csrf");
            Document page = Jsoup.parse(text);
            for (Element element : page.getAllElements()) {
                for (Attribute attribute : element.attributes()) {
                    String key = attribute.getKey().toLowerCase();
                    boolean field = element.tagName().equals("input")
                            && List.of("name", "th:name", "value", "th:value").contains(key);
                    if (!field) {
                        assertThat(attribute.getValue()).as("%s: <%s %s>", source, element.tagName(), key)
                                .doesNotContain("_csrf");
                    }
                }
            }
            for (Element form : page.select("form")) {
                String method = form.hasAttr("th:method") ? form.attr("th:method") : form.attr("method");
                if (!method.equalsIgnoreCase("post")) {
                    assertThat(form.select("input").stream().filter(i -> (i.attr("name") + i.attr("th:name")
                            + i.attr("th:value") + i.attr("th:attr")).contains("_csrf")).toList())
                            .as("%s: a GET form with the CSRF token", source).isEmpty();
                }
            }
        }
    }

    @Test
    void noScriptPutsTheTokenIntoAUrl() throws IOException {
        try (Stream<Path> files = Files.walk(SCRIPTS)) {
            for (Path script : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                String text = Files.readString(script);
                // the PIN pad sends the form's hidden token in its POST body (body.append); nothing may build a URL of it
                assertThat(text).as(script.toString()).doesNotContain("_csrf")
                        .doesNotContainPattern("(?i)csrf\\w*\\s*\\+|\\+\\s*\\w*csrf|[?&]\\w*csrf")
                        .doesNotContainPattern("(?i)(location|href|src)\\s*=.*csrf");
            }
        }
    }

    @Test
    void aPortalUploadWithinTheLimitsStillNeedsItsTokenOverRealHttp() throws Exception {
        long before = jdbc.sql("select count(*) from case_status").query(Long.class).single();
        String boundary = "----jukiflow" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"plannedMoveOutDate\"\r\n\r\n2026-12-05\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"cardCopy\"; filename=\"card.png\"\r\n"
                + "Content-Type: image/png\r\n\r\nPNG\r\n--" + boundary + "--\r\n";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/portal/013676/transfer-out"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from case_status").query(Long.class).single()).isEqualTo(before);
    }

    /** A valid web transfer-out of one mover (the filer, born 1980-04-01), as the portal form sends it. */
    private static MockHttpServletRequestBuilder submittedTransferOut() {
        MockMultipartHttpServletRequestBuilder request = multipart("/portal/013676/transfer-out");
        String[] fields = {"submissionToken", UUID.randomUUID().toString(), "rows", "4", "plannedMoveOutDate", "2026-12-05",
                "filer.name", "奥尻 太郎", "filer.nameKana", "オクシリ タロウ", "filer.birthDate", "1980-04-01",
                "filer.relation", "本人", "currentAddress", "北海道奥尻郡奥尻町字奥尻1番地", "headOfHousehold", "奥尻 太郎",
                "newAddress.municipalityCode", HAKODATE, "newAddress.address", "北海道函館市東雲町4番13号",
                "newHeadOfHousehold", "奥尻 太郎", "movers[0].name", "奥尻 太郎", "movers[0].nameKana", "オクシリ タロウ",
                "movers[0].birthDate", "1980-04-01", "movers[0].sex", "男", "movers[0].relationship", "世帯主",
                "cardHolder", "1", "cardType", "MY_NUMBER", "continuedUse", "true", "phone", "01397-2-3111"};
        for (int i = 0; i < fields.length; i += 2) {
            request.param(fields[i], fields[i + 1]);
        }
        return request.with(csrf());
    }

    /** Renders a page and checks every URL and form on it; remembers the template it came from. */
    private String check(String label, MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        assertThat(result.getResponse().getStatus()).as(label).isLessThan(500);
        if (result.getModelAndView() != null && result.getModelAndView().getViewName() != null) {
            rendered.add(result.getModelAndView().getViewName());
        }
        String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).as("%s: a page", label).contains("<html");
        assertThat(html).as("%s: _csrf= anywhere (a URL or query string)", label).doesNotContain("_csrf=");
        Document page = Jsoup.parse(html);
        for (Element element : page.select("[href], [src], [action], [formaction]")) {
            for (String attribute : List.of("href", "src", "action", "formaction")) {
                assertThat(element.attr(attribute)).as("%s: <%s %s>", label, element.tagName(), attribute)
                        .doesNotContain("_csrf");
            }
        }
        List<String> tokens = new ArrayList<>();
        for (Element form : page.select("form")) {
            List<Element> hidden = form.select("input[name=_csrf]");
            if (form.attr("method").equalsIgnoreCase("post")) {
                assertThat(hidden).as("%s: a POST form keeps its token as one hidden field", label).hasSize(1);
                assertThat(hidden.get(0).attr("type")).isEqualTo("hidden");
                tokens.add(hidden.get(0).attr("value"));
            } else {
                assertThat(hidden).as("%s: a GET form (%s) with the token", label, form.attr("action")).isEmpty();
            }
        }
        for (String token : tokens) {
            // the token only in hidden fields: as many times on the page as there are POST forms with it
            assertThat(countOf(html, token)).as("%s: the token outside its hidden fields", label)
                    .isEqualTo(tokens.stream().filter(token::equals).count());
        }
        return html;
    }

    private static long countOf(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        long n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String receiptOf(String html) {
        Matcher m = Pattern.compile("id=\"receipt-number\">(013676-2026-\\d{6})<").matcher(html);
        assertThat(m.find()).as("receipt number on the page").isTrue();
        return m.group(1);
    }
}
