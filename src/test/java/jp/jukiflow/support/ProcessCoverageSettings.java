package jp.jukiflow.support;

import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Process tests (classes with the coverage listener) must cover every flow node and sequence flow of the processes
 * they drive; the HTML and JSON reports land in target/process-test-coverage.
 */
@TestConfiguration(proxyBeanMethods = false)
public class ProcessCoverageSettings {

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.Companion.builder()
                .excludeProcessDefinitionKeys("tenant-isolation-probe")
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
