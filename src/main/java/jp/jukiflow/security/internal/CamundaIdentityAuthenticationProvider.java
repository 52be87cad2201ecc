package jp.jukiflow.security.internal;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Logs operators in to the project's own pages and API against the Camunda identity (the same users, groups and
 * tenants as Tasklist). Groups become {@code GROUP_<id>} authorities and tenants {@code TENANT_<id>}.
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;

    CamundaIdentityAuthenticationProvider(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || userId.isBlank() || credentials == null
                || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("ユーザー名またはパスワードが正しくありません。");
        }
        return authenticated(userId);
    }

    /**
     * The operator {@code userId} as Spring Security sees them once their password was checked (here, or by the
     * Camunda webapps' login: see {@link CamundaSessionSecurityContextRepository}): groups as {@code GROUP_<id>},
     * tenants as {@code TENANT_<id>}.
     */
    UsernamePasswordAuthenticationToken authenticated(String userId) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group.getId()));
        }
        for (Tenant tenant : identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true).list()) {
            authorities.add(new SimpleGrantedAuthority("TENANT_" + tenant.getId()));
        }
        return UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
