package jp.jukiflow.security.internal;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.security.MunicipalityGroups;
import jp.jukiflow.security.TenantAccess;
import jp.jukiflow.shared.StartupOrder;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates, for every municipality, its tenant, its clerks' and managers' groups and what they may do, and the
 * {@code admins} group. Idempotent: runs at every start, creates only what is missing. Users are not created here
 * (the demo profile creates demo users; an operator creates real ones in Admin).
 */
@Component
@Order(StartupOrder.IDENTITIES)
class IdentitySetup implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IdentitySetup.class);

    private final MunicipalityDirectory municipalities;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final TasklistFilters filters;

    IdentitySetup(MunicipalityDirectory municipalities, IdentityService identityService,
                  AuthorizationService authorizationService, TasklistFilters filters) {
        this.municipalities = municipalities;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.filters = filters;
    }

    @Override
    public void run(ApplicationArguments args) {
        group(TenantAccess.ADMINS_GROUP, "システム管理者", Groups.GROUP_TYPE_SYSTEM);
        grantAdministrator(TenantAccess.ADMINS_GROUP);
        group(Groups.CAMUNDA_ADMIN, "Camunda 管理者", Groups.GROUP_TYPE_SYSTEM);
        grantAdministrator(Groups.CAMUNDA_ADMIN);
        group(MunicipalityGroups.CALL_CENTER, "カード一時停止 24時間受付", Groups.GROUP_TYPE_WORKFLOW);
        group(MunicipalityGroups.MONITORING, "監視システム（Prometheus）", Groups.GROUP_TYPE_WORKFLOW);
        List<String> filterIds = filters.ensure();
        for (Municipality m : municipalities.all()) {
            String code = m.code().value();
            tenant(code, m.name());
            String clerks = group(MunicipalityGroups.clerks(code), m.name() + " 住民係", Groups.GROUP_TYPE_WORKFLOW);
            String managers = group(MunicipalityGroups.managers(code), m.name() + " 管理職", Groups.GROUP_TYPE_WORKFLOW);
            tenantMember(code, clerks);
            tenantMember(code, managers);
            grantClerk(clerks);
            grantManager(managers);
            for (String filterId : filterIds) {
                grant(clerks, Resources.FILTER, filterId, Permissions.READ);
                grant(managers, Resources.FILTER, filterId, Permissions.READ);
            }
        }
        log.info("Identity: tenants, groups and authorizations of {} municipalities ensured", municipalities.all().size());
    }

    /**
     * Admin groups skip the tenant check and may run admin-only commands, but engine queries still filter by
     * authorizations: like Camunda's own first administrator, {@code admins} get every permission on everything.
     */
    private void grantAdministrator(String group) {
        for (Resource resource : Resources.values()) {
            grant(group, resource, "*", Permissions.ALL);
        }
    }

    private void grantClerk(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.CREATE_INSTANCE,
                Permissions.READ_HISTORY);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.CREATE);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ);
        grant(group, Resources.USER, "*", Permissions.READ);
        grant(group, Resources.GROUP, "*", Permissions.READ);
    }

    private void grantManager(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY,
                Permissions.READ_INSTANCE, Permissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE);
        grant(group, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
        grant(group, Resources.TASK, "*", Permissions.READ);
        grant(group, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, "*", Permissions.READ);
        grant(group, Resources.USER, "*", Permissions.READ);
        grant(group, Resources.GROUP, "*", Permissions.READ);
    }

    private void tenant(String id, String name) {
        if (identityService.createTenantQuery().tenantId(id).count() == 0) {
            Tenant tenant = identityService.newTenant(id);
            tenant.setName(name);
            identityService.saveTenant(tenant);
        }
    }

    private String group(String id, String name, String type) {
        if (identityService.createGroupQuery().groupId(id).count() == 0) {
            Group group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
        }
        return id;
    }

    private void tenantMember(String tenantId, String groupId) {
        if (identityService.createTenantQuery().tenantId(tenantId).groupMember(groupId).count() == 0) {
            identityService.createTenantGroupMembership(tenantId, groupId);
        }
    }

    private void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizationService.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(groupId).resourceType(resource).resourceId(resourceId)
                .singleResult();
        Authorization authorization = existing != null ? existing : authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(groupId);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizationService.saveAuthorization(authorization);
    }
}
