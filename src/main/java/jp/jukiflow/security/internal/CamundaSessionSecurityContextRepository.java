package jp.jukiflow.security.internal;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.context.HttpRequestResponseHolder;
import org.springframework.security.core.context.DeferredSecurityContext;

/**
 * One sign-in for the Camunda webapps (Tasklist, Cockpit, Admin) and jukiflow's own pages: the login is kept once, as
 * the Camunda webapps keep it, in the HTTP session ({@link Authentications} under the webapps' session key).
 *
 * <ul>
 *   <li>Signed in to Tasklist (Camunda's login): every page of jukiflow ({@code /staff/**}, the dashboard) sees the
 *       same user, with the authorities {@link CamundaIdentityAuthenticationProvider} gives (groups {@code GROUP_*},
 *       tenants {@code TENANT_*}), read afresh from the identity on each request.</li>
 *   <li>Signed in on jukiflow's login page ({@code /login}): the session gets the webapps' authentication of that user
 *       (as Camunda's own login builds it: groups, tenants, the webapps the user may open), so Tasklist opens without a
 *       second login.</li>
 *   <li>Signing out of either ends both: jukiflow's logout ends the session; the webapps' logout removes the one
 *       authentication both read.</li>
 * </ul>
 * HTTP Basic logins (API clients) are not kept in the session at all (Spring Security's own rule for Basic).
 */
final class CamundaSessionSecurityContextRepository implements SecurityContextRepository {

    /** The session attribute under which the Camunda webapps keep their {@link Authentications}. */
    static final String CAMUNDA_SESSION_KEY = "authenticatedUser";

    private final ProcessEngine engine;
    private final CamundaIdentityAuthenticationProvider identities;
    private final SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();

    CamundaSessionSecurityContextRepository(ProcessEngine engine, CamundaIdentityAuthenticationProvider identities) {
        this.engine = engine;
        this.identities = identities;
    }

    @Override
    @Deprecated
    public SecurityContext loadContext(HttpRequestResponseHolder holder) {
        return loadDeferredContext(holder.getRequest()).get();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        Supplier<SecurityContext> load = () -> {
            SecurityContext context = strategy.createEmptyContext();
            UserAuthentication user = camundaUser(request);
            if (user != null && userExists(user.getIdentityId())) {
                context.setAuthentication(identities.authenticated(user.getIdentityId()));
            }
            return context;
        };
        return new DeferredSecurityContext() {
            private SecurityContext loaded;

            @Override
            public SecurityContext get() {
                if (loaded == null) {
                    loaded = load.get();
                }
                return loaded;
            }

            @Override
            public boolean isGenerated() {
                return get().getAuthentication() == null;
            }
        };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        Authentication authentication = context.getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(CAMUNDA_SESSION_KEY) instanceof Authentications all) {
                all.removeByEngineName(engine.getName());
                AuthenticationUtil.updateSession(session, all);
            }
            return;
        }
        UserAuthentication current = camundaUser(request);
        if (current != null && current.getIdentityId().equals(authentication.getName())) {
            return;
        }
        UserAuthentication user = AuthenticationUtil.createAuthentication(engine, authentication.getName());
        if (user == null) {
            return;
        }
        user.setCacheValidationTime(ServletContextUtil.getAuthCacheValidationTime(request.getServletContext()));
        HttpSession session = request.getSession(true);
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        all.addOrReplace(user);
        AuthenticationUtil.updateSession(session, all);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return camundaUser(request) != null;
    }

    private UserAuthentication camundaUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(CAMUNDA_SESSION_KEY) instanceof Authentications all)) {
            return null;
        }
        return all.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user ? user : null;
    }

    private boolean userExists(String userId) {
        IdentityService identityService = engine.getIdentityService();
        return identityService.createUserQuery().userId(userId).count() == 1;
    }
}
