package jp.jukiflow.security.internal;

import java.util.LinkedHashMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import jp.jukiflow.security.MunicipalityGroups;
import jp.jukiflow.security.TenantAccess;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * Who may call what. The Camunda webapps ({@code /camunda/**}) keep their own login and CSRF protection, and the
 * engine REST API ({@code /engine-rest/**}) its HTTP Basic filter against the Camunda identity; Spring Security
 * leaves those two alone. A login is one for both: the pages here read the webapps' login from the session, and a
 * login on {@code /login} is kept there as the webapps' ({@link CamundaSessionSecurityContextRepository}). Everything else needs a login, except the start page, the resident portal, the public
 * API with its documentation, health, the Juki-net endpoint ({@code /jukinet/**}, signed by the sender), and the
 * public documents of the demo PKI ({@code /jpki/crl}, {@code /jpki/ca.crt}).
 */
@Configuration(proxyBeanMethods = false)
class WebSecurityConfiguration {

    static final String[] PUBLIC_PATHS = {
            "/", "/login", "/error", "/favicon.ico", "/css/**", "/images/**", "/webjars/**",
            "/portal/**", "/api/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
            "/actuator/health", "/actuator/health/**",
            // Juki-net between deployments: authenticated by the HMAC signature of the sending municipality
            "/jukinet/**",
            // the demo PKI's CRL and CA certificate: public documents in any PKI, fetched by relying parties without a
            // login; the CRL holds only serial numbers, reasons and dates (no name, no card number)
            "/jpki/crl", "/jpki/ca.crt"
    };

    private static RequestMatcher callCenterPaths() {
        return new OrRequestMatcher(java.util.Arrays.stream(CALL_CENTER_PATHS)
                .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());
    }

    private static AuthenticationEntryPoint basicEntryPoint() {
        BasicAuthenticationEntryPoint standard = new BasicAuthenticationEntryPoint();
        standard.setRealmName("jukiflow");
        LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> byPath = new LinkedHashMap<>();
        byPath.put(callCenterPaths(), ProblemResponses::unauthenticated);
        DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(byPath);
        entryPoint.setDefaultEntryPoint(standard);
        return entryPoint;
    }

    @Bean
    @Order(1)
    SecurityFilterChain camundaOwnSecurity(HttpSecurity http) throws Exception {
        return http
                // not Spring MVC paths (Jersey and the webapps' own filters), so match the raw path
                .securityMatcher(new OrRequestMatcher(
                        PathPatternRequestMatcher.withDefaults().matcher("/camunda/**"),
                        PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.NEVER))
                .headers(h -> h.frameOptions(f -> f.sameOrigin()))
                .build();
    }

    /** The 24-hour line's API: HTTP Basic, group {@code callcenter} only (before the public {@code /api/**}). */
    static final String[] CALL_CENTER_PATHS = {"/api/v1/card-suspensions", "/api/v1/card-suspensions/**"};

    @Bean
    @Order(2)
    SecurityFilterChain applicationSecurity(HttpSecurity http, CamundaIdentityAuthenticationProvider provider,
                                            TenantAccess tenantAccess, ProcessEngine engine) throws Exception {
        return http
                .authenticationProvider(provider)
                // one sign-in with the Camunda webapps: the login lives in the session as they keep it
                .securityContext(c -> c.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(),
                        new CamundaSessionSecurityContextRepository(engine, provider))))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(CALL_CENTER_PATHS).hasAuthority("GROUP_" + MunicipalityGroups.CALL_CENTER)
                        // Prometheus: the monitoring system, admins and managers (who read only their own labels)
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new AuthorizationDecision(!tenantAccess.monitored().isEmpty()))
                        .requestMatchers(PUBLIC_PATHS).permitAll()
                        .anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers("/api/**", "/jukinet/**"))
                .formLogin(f -> f.loginPage("/login").permitAll())
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(ProblemResponses::unauthenticated, callCenterPaths())
                        .defaultAccessDeniedHandlerFor(ProblemResponses::denied, callCenterPaths())
                        // everywhere else the plain 403 and the Japanese error page (a single mapping would
                        // otherwise answer every 403 of the application with the 24-hour line's message)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
                // a wrong password on the 24-hour line's API gets the same problem+json 401 as no password
                .httpBasic(basic -> basic.authenticationEntryPoint(basicEntryPoint()))
                .logout(l -> l.logoutSuccessUrl("/?logout"))
                .build();
    }
}
