package jp.jukiflow.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Login, CSRF, public and protected paths, and the Camunda webapps' own login left intact. */
@JukiflowTest
class WebSecurityTest {

    @Autowired
    MockMvc mvc;

    @Test
    void protectedPageRedirectsABrowserToTheJapaneseLogin() throws Exception {
        mvc.perform(get("/staff/api/v1/residents/12345678901").accept(MediaType.TEXT_HTML))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("**/login"));
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ユーザー名")))
                .andExpect(content().string(containsString("_csrf")));
    }

    @Test
    void protectedApiWithoutCredentialsIs401() throws Exception {
        mvc.perform(get("/staff/api/v1/residents/12345678901").accept(MediaType.APPLICATION_JSON)
                        .header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void formLoginAgainstTheCamundaIdentity() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "okushiri-clerk").param("password", "okushiri-clerk"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/"));
        mvc.perform(post("/login").with(csrf()).param("username", "okushiri-clerk").param("password", "nope"))
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void formPostWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "okushiri-clerk").param("password", "okushiri-clerk"))
                .andExpect(status().isForbidden());
    }

    @Test
    void healthIsPublicButOtherActuatorEndpointsAreNot() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
        mvc.perform(get("/actuator/info").accept(MediaType.APPLICATION_JSON).header("X-Requested-With", "XMLHttpRequest"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void camundaWebappsKeepTheirOwnLogin() throws Exception {
        mvc.perform(get("/camunda/app/tasklist/default/"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("camunda-tasklist-bootstrap")))
                .andExpect(content().string(not(containsString("/login\""))));
        mvc.perform(get("/camunda/api/admin/auth/user/default"))
                .andExpect(status().isNotFound());
    }

    @Test
    void tasklistIsJapanese() throws Exception {
        mvc.perform(get("/camunda/app/tasklist/scripts/config.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("availableLocales: ['ja']")));
        mvc.perform(get("/camunda/app/tasklist/locales/ja.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ログイン")));
        mvc.perform(get("/camunda/app/tasklist/styles/user-styles.css"))
                .andExpect(content().string(containsString(".ce-eol-banner")));
    }

    @Test
    void clerkReadsOwnResidentButNotTheOtherMunicipalitys() throws Exception {
        String own = someResidentCode("013676");
        String other = someResidentCode("012025");
        mvc.perform(get("/staff/api/v1/residents/" + own).param("purpose", "窓口での本人確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalityCode", is("013676")));
        mvc.perform(get("/staff/api/v1/residents/" + other).param("purpose", "窓口での本人確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code", is("ACCESS_DENIED")));
    }

    @Test
    void residentLookUpNeedsAPurposeAndAValidCode() throws Exception {
        String own = someResidentCode("013676");
        mvc.perform(get("/staff/api/v1/residents/" + own).with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("PURPOSE_REQUIRED")));
        mvc.perform(get("/staff/api/v1/residents/12345").param("purpose", "確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String someResidentCode(String municipality) {
        return jdbc.sql("select min(resident_code) from resident where municipality_code = ?").param(municipality)
                .query(String.class).single();
    }
}
