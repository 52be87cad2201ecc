package jp.jukiflow.security;

import static jp.jukiflow.support.Towns.HAKODATE;
import static jp.jukiflow.support.Towns.OKUSHIRI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import jp.jukiflow.support.JukiflowTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * {@link TenantAccess#actingFor}: work a web request does for a system (a Juki-net message addressed to one
 * municipality) sees that municipality only, and the request's own context comes back afterwards.
 */
@JukiflowTest
class TenantAccessTest {

    @Autowired
    TenantAccess tenantAccess;

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
        SecurityContextHolder.clearContext();
    }

    @Test
    void aRequestWithoutOperatorSeesNothingButActingForOneMunicipalitySeesThatOneOnly() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThatThrownBy(() -> tenantAccess.check(OKUSHIRI)).isInstanceOf(AccessDeniedException.class);

        String actor = tenantAccess.actingFor("jukinet:012025", OKUSHIRI, () -> {
            tenantAccess.check(OKUSHIRI);
            assertThatThrownBy(() -> tenantAccess.check(HAKODATE)).isInstanceOf(AccessDeniedException.class)
                    .hasMessageContaining(HAKODATE);
            return SecurityContextHolder.getContext().getAuthentication().getName();
        });

        assertThat(actor).isEqualTo("jukinet:012025");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThatThrownBy(() -> tenantAccess.check(OKUSHIRI)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anOperatorsContextIsRestoredEvenWhenTheWorkFails() {
        var operator = UsernamePasswordAuthenticationToken.authenticated("hakodate-clerk", null,
                List.of(new SimpleGrantedAuthority("TENANT_012025")));
        SecurityContextHolder.getContext().setAuthentication(operator);

        assertThatThrownBy(() -> tenantAccess.actingFor("jukinet:011002", OKUSHIRI, () -> {
            throw new IllegalStateException("handler failed");
        })).hasMessage("handler failed");

        assertThat(SecurityContextHolder.getContext().getAuthentication()).isSameAs(operator);
        tenantAccess.check(HAKODATE);
        assertThatThrownBy(() -> tenantAccess.check(OKUSHIRI)).isInstanceOf(AccessDeniedException.class);
    }
}
