package jp.jukiflow.demo;

import java.util.List;

import jp.jukiflow.security.MunicipalityGroups;
import jp.jukiflow.security.TenantAccess;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The demo operators. Each password equals the user id: demo profile only. */
@Component
class DemoUsers {

    record DemoUser(String id, String lastName, String firstName, List<String> groups) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("okushiri-clerk", "奥尻", "職員", List.of(MunicipalityGroups.clerks("013676"))),
            new DemoUser("okushiri-manager", "奥尻", "課長", List.of(MunicipalityGroups.managers("013676"))),
            new DemoUser("hakodate-clerk", "函館", "職員", List.of(MunicipalityGroups.clerks("012025"))),
            new DemoUser("hakodate-manager", "函館", "課長", List.of(MunicipalityGroups.managers("012025"))),
            // the 24-hour line for My Number Card suspensions: only POST /api/v1/card-suspensions
            new DemoUser("callcenter", "24時間受付", "オペレーター", List.of(MunicipalityGroups.CALL_CENTER)),
            // the Prometheus server's scrape user: /actuator/prometheus only, every municipality
            new DemoUser("monitoring", "監視", "システム", List.of(MunicipalityGroups.MONITORING)),
            // also in camunda-admin, the group the webapps look for before offering their first-start setup page
            new DemoUser("admin", "システム", "管理者", List.of(TenantAccess.ADMINS_GROUP, Groups.CAMUNDA_ADMIN)));

    private final IdentityService identityService;

    DemoUsers(IdentityService identityService) {
        this.identityService = identityService;
    }

    void ensure() {
        for (DemoUser demo : USERS) {
            // a deployment serving only some of the demo towns has only their groups (IdentitySetup): the demo users
            // of the other towns are not created
            List<String> groups = demo.groups().stream()
                    .filter(g -> identityService.createGroupQuery().groupId(g).count() > 0).toList();
            if (groups.isEmpty()) {
                continue;
            }
            if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
                User user = identityService.newUser(demo.id());
                user.setFirstName(demo.firstName());
                user.setLastName(demo.lastName());
                user.setPassword(demo.id());
                user.setEmail(demo.id() + "@jukiflow.example");
                identityService.saveUser(user);
            }
            for (String group : groups) {
                if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
                    identityService.createMembership(demo.id(), group);
                }
            }
        }
    }
}
