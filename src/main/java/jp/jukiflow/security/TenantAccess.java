package jp.jukiflow.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Decides which municipalities (tenants) the current operator may see. A clerk sees only their municipality;
 * {@code admins} see all; work outside any web request (startup, jobs) runs as the system and sees all.
 */
@Component
public class TenantAccess {

    public static final String ADMINS_GROUP = "admins";
    static final String GROUP_PREFIX = "GROUP_";
    static final String TENANT_PREFIX = "TENANT_";

    private final IdentityService identityService;

    TenantAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** The tenants of the current operator; {@link Scope#all()} for admins and the system. */
    public Scope current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)) {
            return fromAuthorities(authentication.getAuthorities());
        }
        Authentication engineUser = identityService.getCurrentAuthentication();
        if (engineUser != null) {
            if (engineUser.getGroupIds() != null && engineUser.getGroupIds().contains(ADMINS_GROUP)) {
                return Scope.all();
            }
            return Scope.of(engineUser.getTenantIds() == null ? Set.of() : Set.copyOf(engineUser.getTenantIds()));
        }
        return RequestContextHolder.getRequestAttributes() == null ? Scope.all() : Scope.of(Set.of());
    }

    /**
     * The municipalities whose management figures the current operator may see: every one for {@code admins}, for a
     * manager the municipalities whose managers' group they belong to, none for anyone else (clerks included).
     */
    public Scope managed() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Scope.of(Set.of());
        }
        Set<String> names = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        if (names.contains(GROUP_PREFIX + ADMINS_GROUP)) {
            return Scope.all();
        }
        return Scope.of(names.stream().filter(n -> n.startsWith(GROUP_PREFIX))
                .map(n -> MunicipalityGroups.managedMunicipality(n.substring(GROUP_PREFIX.length())))
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
    }

    /**
     * The municipalities whose Prometheus figures the current operator may read: every one for {@code admins} and the
     * {@code monitoring} group (the Prometheus server), a manager's own otherwise (see {@link #managed()}).
     */
    public Scope monitored() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch((GROUP_PREFIX + MunicipalityGroups.MONITORING)::equals)) {
            return Scope.all();
        }
        return managed();
    }

    /**
     * Whether the current operator may see that municipality's data. A look-up by id (a resident, a card) that finds
     * something of another municipality answers as if nothing were found, never naming that municipality.
     */
    public boolean sees(String municipalityCode) {
        return current().includes(municipalityCode);
    }

    /** Throws an access-denied error (Japanese) unless the current operator may see that municipality's data. */
    public void check(String municipalityCode) {
        if (!current().includes(municipalityCode)) {
            throw new AccessDeniedException("この市区町村（" + municipalityCode + "）の情報を扱う権限がありません。");
        }
    }

    /**
     * Runs {@code work} as {@code actor} acting for one municipality only, whatever the current request, job or
     * thread: for work a system does on behalf of that municipality rather than a logged-in operator — a Juki-net
     * message addressed to {@code municipalityCode} (see {@code JukinetInbox}). Both the application (Spring Security)
     * and the engine (tenant check, so that a job of another municipality's tenant can hand the message over) see only
     * that municipality; every audit line written meanwhile names {@code actor}. The previous identities are restored
     * after, also when the work fails.
     */
    public <T> T actingFor(String actor, String municipalityCode, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        Authentication previousEngineUser = identityService.getCurrentAuthentication();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
                List.of(new SimpleGrantedAuthority(TENANT_PREFIX + municipalityCode))));
        SecurityContextHolder.setContext(context);
        // no engine user: the engine checks authorizations only for a user, and a system acting for a municipality is
        // limited by the tenant alone (as the job executor runs a job); the audit names the actor from Spring Security
        identityService.setAuthentication(null, null, List.of(municipalityCode));
        try {
            return work.get();
        } finally {
            if (previousEngineUser == null) {
                identityService.clearAuthentication();
            } else {
                identityService.setAuthentication(previousEngineUser);
            }
            SecurityContextHolder.setContext(previous);
        }
    }

    static Scope fromAuthorities(Collection<? extends GrantedAuthority> authorities) {
        Set<String> names = authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        if (names.contains(GROUP_PREFIX + ADMINS_GROUP)) {
            return Scope.all();
        }
        return Scope.of(names.stream().filter(n -> n.startsWith(TENANT_PREFIX))
                .map(n -> n.substring(TENANT_PREFIX.length())).collect(Collectors.toSet()));
    }

    /** A set of tenant ids, or every tenant. */
    public record Scope(boolean everything, Set<String> tenantIds) {

        public static Scope all() {
            return new Scope(true, Set.of());
        }

        public static Scope of(Set<String> tenantIds) {
            return new Scope(false, Set.copyOf(tenantIds));
        }

        public boolean isEmpty() {
            return !everything && tenantIds.isEmpty();
        }

        public boolean includes(String municipalityCode) {
            return everything || tenantIds.contains(municipalityCode);
        }
    }
}
