package jp.jukiflow.home;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The Japanese start page links to Tasklist, Cockpit, Admin and the API docs, and each link resolves. */
@JukiflowTest
class StartPageTest {

    @Autowired
    MockMvc mvc;

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
    void everyLinkOnTheStartPageAnswers() throws Exception {
        for (String path : new String[]{"/camunda/app/tasklist/default/", "/camunda/app/cockpit/default/",
                "/camunda/app/admin/default/", "/v3/api-docs"}) {
            mvc.perform(get(path)).andExpect(status().isOk());
        }
        mvc.perform(get("/swagger-ui.html")).andExpect(status().is3xxRedirection());
    }

    @Test
    void unknownPageIsAJapanese404() throws Exception {
        mvc.perform(get("/no-such-page").accept("text/html"))
                .andExpect(status().isNotFound());
    }
}
