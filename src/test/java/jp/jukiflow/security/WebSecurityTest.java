package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static org.assertj.core.api.Assertions.assertThat;

import jp.jukiflow.support.JukiflowTest;
import jp.jukiflow.support.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Login, CSRF, public and protected paths, and the Camunda webapps' own login left intact. */
@JukiflowTest
class WebSecurityTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    IdentityService identityService;

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
        String probe = TestUsers.ensure(identityService, "login-probe", "013676-clerks");
        mvc.perform(post("/login").with(csrf()).param("username", probe).param("password", "nope"))
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
    void camundaWebappsKeepTheirOwnLogin() {
        ResponseEntity<String> tasklist = http.getForEntity("/camunda/app/tasklist/default/", String.class);
        assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasklist.getBody()).contains("camunda-tasklist-bootstrap").doesNotContain("/login\"");
        // Camunda's own session API answers "nobody logged in" instead of Spring Security redirecting to /login
        ResponseEntity<String> session = http.getForEntity("/camunda/api/admin/auth/user/default", String.class);
        assertThat(session.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void tasklistIsJapaneseWithoutTheVendorBanner() {
        assertThat(http.getForObject("/camunda/app/tasklist/scripts/config.js", String.class))
                .contains("availableLocales: ['ja']");
        assertThat(http.getForObject("/camunda/app/tasklist/locales/ja.json", String.class)).contains("ログイン");
        assertThat(http.getForObject("/camunda/app/tasklist/styles/user-styles.css", String.class))
                .contains(".ce-eol-banner");
    }

    @Test
    void clerkReadsOwnResidentButNotTheOtherMunicipalitys() throws Exception {
        String own = someResidentCode(OKUSHIRI);
        String other = someResidentCode(HAKODATE);
        mvc.perform(get("/staff/api/v1/residents/" + own).param("purpose", "窓口での本人確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.municipalityCode", is(OKUSHIRI)));
        // another municipality's resident reads exactly like an unknown code: 404, the same text, nothing named
        String unknown = unknownResidentCode();
        String elsewhere = mvc.perform(get("/staff/api/v1/residents/" + other).param("purpose", "窓口での本人確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code", is("RESIDENT_NOT_FOUND")))
                .andReturn().getResponse().getContentAsString();
        String nobody = mvc.perform(get("/staff/api/v1/residents/" + unknown).param("purpose", "窓口での本人確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isNotFound())
                .andReturn().getResponse().getContentAsString();
        assertThat(elsewhere.replace(other, "{code}")).isEqualTo(nobody.replace(unknown, "{code}"))
                .doesNotContain(HAKODATE, "函館", "権限");
    }

    @Test
    void residentLookUpNeedsAPurposeAndAValidCode() throws Exception {
        String own = someResidentCode(OKUSHIRI);
        mvc.perform(get("/staff/api/v1/residents/" + own).with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code", is("PURPOSE_REQUIRED")));
        mvc.perform(get("/staff/api/v1/residents/12345").param("purpose", "確認")
                        .with(httpBasic("okushiri-clerk", "okushiri-clerk")))
                .andExpect(status().isBadRequest());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A valid 住民票コード (check digit right) that nobody holds. */
    private String unknownResidentCode() {
        for (long n = 9_876_543_210L; ; n--) {
            String candidate;
            try {
                candidate = jp.jukiflow.register.ResidentCode.withCheckDigit(String.valueOf(n)).value();
            } catch (RuntimeException e) {
                continue;
            }
            if (jdbc.sql("select count(*) from resident where resident_code = ?").param(candidate).query(Long.class)
                    .single() == 0) {
                return candidate;
            }
        }
    }

    private String someResidentCode(String municipality) {
        return jdbc.sql("select min(resident_code) from resident where municipality_code = ?").param(municipality)
                .query(String.class).single();
    }
}
