package jp.jukiflow.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Points every test application context at the {@link TestMailServer} (registered in META-INF/spring.factories). */
public class TestMailServerContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return new MailServerCustomizer();
    }

    static final class MailServerCustomizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            // lowest precedence: fills application.yml's ${JUKIFLOW_SMTP_PORT:…}; a test that sets spring.mail.* wins
            context.getEnvironment().getPropertySources().addLast(new MapPropertySource("testMailServer", Map.of(
                    "JUKIFLOW_SMTP_HOST", "127.0.0.1",
                    "JUKIFLOW_SMTP_PORT", TestMailServer.smtpPort(),
                    "jukiflow.test.imap-port", TestMailServer.imapPort())));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof MailServerCustomizer;
        }

        @Override
        public int hashCode() {
            return MailServerCustomizer.class.hashCode();
        }
    }
}
