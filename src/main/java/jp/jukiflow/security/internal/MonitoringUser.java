package jp.jukiflow.security.internal;

import jp.jukiflow.security.MunicipalityGroups;
import jp.jukiflow.shared.StartupOrder;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The user the Prometheus server scrapes {@code /actuator/prometheus} with, when the operator sets its password
 * ({@code jukiflow.monitoring.password}, e.g. from {@code JUKIFLOW_MONITORING_PASSWORD}): created once, member of
 * the {@code monitoring} group only (no tenant, no Tasklist, no dashboard). The password is not logged.
 */
@Component
@Order(StartupOrder.IDENTITIES + 1)
class MonitoringUser implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MonitoringUser.class);

    private final IdentityService identityService;
    private final String userId;
    private final String password;

    MonitoringUser(IdentityService identityService,
                   @Value("${jukiflow.monitoring.user:monitoring}") String userId,
                   @Value("${jukiflow.monitoring.password:}") String password) {
        this.identityService = identityService;
        this.userId = userId;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank()) {
            return;
        }
        if (identityService.createUserQuery().userId(userId).count() == 0) {
            User user = identityService.newUser(userId);
            user.setFirstName("システム");
            user.setLastName("監視");
            user.setPassword(password);
            identityService.saveUser(user);
            log.info("Monitoring user {} created", userId);
        }
        if (identityService.createUserQuery().userId(userId).memberOfGroup(MunicipalityGroups.MONITORING).count() == 0) {
            identityService.createMembership(userId, MunicipalityGroups.MONITORING);
        }
    }
}
