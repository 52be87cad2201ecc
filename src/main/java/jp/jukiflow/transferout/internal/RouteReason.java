package jp.jukiflow.transferout.internal;

import static jp.jukiflow.transferout.internal.TransferOutVariables.ROUTE;
import static jp.jukiflow.transferout.internal.TransferOutVariables.ROUTE_REASON;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Keeps the reason the resident reads in step with the route taken: when the clerk chose the ordinary route although
 * the decision table proposed the special one, the table's reason no longer fits.
 */
@Component("routeReasons")
public class RouteReason {

    static final String CLERK_CHOSE_ORDINARY =
            "担当者が届出の内容を確認した結果、カードによる特例転出ではなく、通常の転出として受け付けました。";

    public void align(DelegateExecution execution) {
        Object proposed = execution.getVariable("routeDecision");
        String proposedRoute = proposed instanceof Map<?, ?> decision ? String.valueOf(decision.get("route")) : null;
        if (!String.valueOf(execution.getVariable(ROUTE)).equals(proposedRoute)) {
            execution.setVariable(ROUTE_REASON, CLERK_CHOSE_ORDINARY);
        }
    }
}
