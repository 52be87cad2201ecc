package jp.jukiflow.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * Throw-away users for tests that send wrong passwords: Camunda locks a user for a few seconds after each failed
 * login, so wrong passwords must never be tried on the demo users other tests log in with.
 */
public final class TestUsers {

    private TestUsers() {
    }

    /** Creates (once) a user with password equal to the id, member of the given group. */
    public static String ensure(IdentityService identityService, String id, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(id);
            user.setFirstName("テスト");
            user.setLastName("利用者");
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
        return id;
    }
}
