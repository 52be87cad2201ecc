package jp.jukiflow.support;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Wraps the application's {@link Clock} bean in a {@link TestClock} in every test application context (registered in
 * META-INF/spring.factories, like {@link TestMailServerContextCustomizerFactory}). The same customizer for every test
 * class, so the shared context stays one context.
 */
public class TestClockContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        return new ClockCustomizer();
    }

    static final class ClockCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof Clock clock && !(bean instanceof TestClock) ? new TestClock(clock) : bean;
                }
            });
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ClockCustomizer;
        }

        @Override
        public int hashCode() {
            return ClockCustomizer.class.hashCode();
        }
    }
}
