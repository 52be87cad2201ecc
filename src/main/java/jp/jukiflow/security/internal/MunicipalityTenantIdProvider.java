package jp.jukiflow.security.internal;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Processes are deployed once for all municipalities; each case belongs to one municipality (its tenant). A new
 * instance takes its tenant from the variable {@code municipalityCode}, else from the one municipality of the clerk
 * who started it in Tasklist; a sub-process or decision inherits its parent's tenant.
 */
@Component
class MunicipalityTenantIdProvider extends AbstractProcessEnginePlugin implements TenantIdProvider {

    static final String MUNICIPALITY_CODE = "municipalityCode";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        if (ctx.getSuperExecution() != null && ctx.getSuperExecution().getTenantId() != null) {
            return ctx.getSuperExecution().getTenantId();
        }
        Object code = ctx.getVariables() == null ? null : ctx.getVariables().get(MUNICIPALITY_CODE);
        if (code != null) {
            return code.toString();
        }
        Authentication user = org.camunda.bpm.engine.impl.context.Context.getCommandContext() == null ? null
                : org.camunda.bpm.engine.impl.context.Context.getCommandContext().getAuthentication();
        List<String> tenants = user == null ? null : user.getTenantIds();
        return tenants != null && tenants.size() == 1 ? tenants.get(0) : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        if (ctx.getExecution() != null) {
            return ctx.getExecution().getTenantId();
        }
        return null;
    }
}
