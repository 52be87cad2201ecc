package jp.jukiflow.home;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jukiflow.support.JukiflowTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The Japanese start page links to Tasklist, Cockpit, Admin and the API docs, and each link resolves. */
@JukiflowTest
class StartPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;

    @Test
    void startPageIsJapaneseAndLinksToWhatExists() throws Exception {
        mvc.perform(get("/"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("lang=\"ja\""),
                        containsString("jukiflow へようこそ"),
                        containsString("href=\"/camunda/app/tasklist/\""),
                        containsString("href=\"/camunda/app/cockpit/\""),
                        containsString("href=\"/camunda/app/admin/\""),
                        containsString("href=\"/swagger-ui.html\""),
                        containsString("奥尻町役場 青苗支所"))));
    }

    @Test
    void everyLinkOnTheStartPageAnswers() {
        for (String path : new String[]{"/camunda/app/tasklist/", "/camunda/app/cockpit/", "/camunda/app/admin/",
                "/swagger-ui.html", "/v3/api-docs"}) {
            assertThat(http.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        }
    }

    @Test
    void unknownPageIsAJapanese404ForALoggedInClerk() {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setAccept(java.util.List.of(org.springframework.http.MediaType.TEXT_HTML));
        ResponseEntity<String> page = http.withBasicAuth("okushiri-clerk", "okushiri-clerk").exchange("/no-such-page",
                org.springframework.http.HttpMethod.GET, new org.springframework.http.HttpEntity<>(headers), String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(page.getBody()).contains("ページが見つかりません", "lang=\"ja\"");
    }

    @Test
    void unknownPageAsksAnAnonymousVisitorToLogIn() throws Exception {
        mvc.perform(get("/no-such-page").accept("text/html"))
                .andExpect(status().is3xxRedirection());
    }
}
