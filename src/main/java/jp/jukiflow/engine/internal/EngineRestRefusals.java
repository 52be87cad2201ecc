package jp.jukiflow.engine.internal;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.ServletContext;
import org.glassfish.jersey.server.ServerProperties;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link RefusalExceptionMappers} and {@link HiddenResourceMappers} in both Jersey applications that serve the engine REST API:
 * <ul>
 *   <li>{@code /engine-rest} (camunda-bpm-spring-boot-starter-rest): its {@code CamundaJerseyResourceConfig} is Spring
 *       Boot's Jersey {@code ResourceConfig}, so a {@link ResourceConfigCustomizer} adds the mappers;</li>
 *   <li>{@code /camunda/api/engine}, which Tasklist and Cockpit call (the webapp starter's "Engine Api" servlet with
 *       Camunda's {@code EngineRestApplication}): Jersey builds that application when the servlet starts, taking the
 *       servlet context's attributes as its properties, and adds the classes named in the property
 *       {@link ServerProperties#PROVIDER_CLASSNAMES}. Being a context attribute it reaches the webapps' other Jersey
 *       servlets too (Cockpit, Admin, Tasklist plugin APIs), where the mappers equally change nothing but the answer
 *       to a refusal of ours.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class EngineRestRefusals {

    /** Every mapper of ours: refusals, and another municipality's task or process answered as not found. */
    static final List<Class<?>> MAPPERS = Stream.concat(HiddenResourceMappers.ALL.stream(),
            RefusalExceptionMappers.ALL.stream()).toList();

    @Bean
    ResourceConfigCustomizer engineRestRefusalMappers() {
        return config -> MAPPERS.forEach(config::register);
    }

    @Bean
    ServletContextInitializer webappEngineApiRefusalMappers() {
        return EngineRestRefusals::addProviderClassnames;
    }

    static void addProviderClassnames(ServletContext servletContext) {
        String names = MAPPERS.stream().map(Class::getName).collect(Collectors.joining(","));
        Object already = servletContext.getAttribute(ServerProperties.PROVIDER_CLASSNAMES);
        if (already != null) {
            throw new IllegalStateException("The servlet context attribute " + ServerProperties.PROVIDER_CLASSNAMES
                    + " is already set to " + already + "; add " + names + " to it");
        }
        servletContext.setAttribute(ServerProperties.PROVIDER_CLASSNAMES, names);
    }
}
