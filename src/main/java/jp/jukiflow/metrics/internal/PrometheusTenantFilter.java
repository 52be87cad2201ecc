package jp.jukiflow.metrics.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.jukiflow.security.TenantAccess;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Cuts {@code /actuator/prometheus} down to what the caller may read: a manager gets only the samples labelled with
 * their own municipality (and those without a municipality label: the JVM's, the engine's); admins and the
 * monitoring system get everything. Runs after Spring Security, which already refused everyone else.
 */
@Configuration(proxyBeanMethods = false)
class PrometheusTenantFilter {

    static final Pattern MUNICIPALITY_LABEL = Pattern.compile("[{,]" + CaseMeters.MUNICIPALITY + "=\"([^\"]*)\"");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> prometheusTenantFilterRegistration(TenantAccess tenantAccess) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Filter(tenantAccess));
        registration.addUrlPatterns("/actuator/prometheus");
        // after Spring Security's filter chain (order -100), so the operator is known
        registration.setOrder(0);
        return registration;
    }

    static String keepOnly(String exposition, TenantAccess.Scope scope) {
        return exposition.lines().filter(line -> {
            if (line.startsWith("#")) {
                return true;
            }
            Matcher m = MUNICIPALITY_LABEL.matcher(line);
            return !m.find() || scope.includes(m.group(1));
        }).collect(Collectors.joining("\n", "", "\n"));
    }

    private static final class Filter extends OncePerRequestFilter {

        private final TenantAccess tenantAccess;

        Filter(TenantAccess tenantAccess) {
            this.tenantAccess = tenantAccess;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            TenantAccess.Scope scope = tenantAccess.monitored();
            if (scope.everything()) {
                chain.doFilter(request, response);
                return;
            }
            ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
            chain.doFilter(request, wrapper);
            if (wrapper.getStatus() != HttpServletResponse.SC_OK) {
                wrapper.copyBodyToResponse();
                return;
            }
            byte[] kept = keepOnly(new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8), scope)
                    .getBytes(StandardCharsets.UTF_8);
            wrapper.resetBuffer();
            response.setContentLength(kept.length);
            response.getOutputStream().write(kept);
        }
    }
}
