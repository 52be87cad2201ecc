package jp.jukiflow.security.internal;

import java.util.ArrayList;
import java.util.List;

import jp.jukiflow.security.TenantAccess;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Makes the {@code admins} group an engine administrator group (all municipalities, Admin and Cockpit). */
@Component
class AdminGroupPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> groups = new ArrayList<>(configuration.getAdminGroups() == null ? List.of() : configuration.getAdminGroups());
        for (String group : List.of(Groups.CAMUNDA_ADMIN, TenantAccess.ADMINS_GROUP)) {
            if (!groups.contains(group)) {
                groups.add(group);
            }
        }
        configuration.setAdminGroups(groups);
    }
}
