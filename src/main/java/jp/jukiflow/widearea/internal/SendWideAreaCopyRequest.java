package jp.jukiflow.widearea.internal;

import static jp.jukiflow.widearea.WideAreaCopyVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import jp.jukiflow.jukinet.JukinetGateway;
import jp.jukiflow.jukinet.MessageType;
import jp.jukiflow.jukinet.WideAreaCopyRequest;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 「広域交付請求の送信（住基ネット）」: asks the home municipality for the copy's data, correlated by the case's request
 * id. Runs after an async boundary with retries: a home municipality that cannot be reached
 * ({@link jp.jukiflow.jukinet.JukinetDeliveryException}) fails the job, which is retried and finally becomes an
 * incident a manager sees. Sent again (same request id) when the clerk asks again after no answer came.
 */
@Component("sendWideAreaCopyRequest")
class SendWideAreaCopyRequest implements JavaDelegate {

    private final JukinetGateway jukinet;
    private final MunicipalityDirectory directory;
    private final Clock clock;

    SendWideAreaCopyRequest(JukinetGateway jukinet, MunicipalityDirectory directory, Clock clock) {
        this.jukinet = jukinet;
        this.directory = directory;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String issuing = execution.getTenantId();
        String requestId = (String) execution.getVariable(REQUEST_ID);
        String birthDate = WideAreaCopyStart.text(execution, REQUESTER_BIRTH_DATE);
        String persons = WideAreaCopyStart.text(execution, PERSON_RESIDENT_CODES);
        WideAreaCopyRequest request = new WideAreaCopyRequest(requestId, issuing,
                directory.require(LocalGovernmentCode.of(issuing)).name(),
                (String) execution.getVariable(HOME_CODE),
                WideAreaCopyStart.text(execution, REQUESTER_RESIDENT_CODE),
                WideAreaCopyStart.text(execution, REQUESTER_NAME),
                birthDate == null ? null : LocalDate.parse(birthDate),
                Boolean.TRUE.equals(execution.getVariable(WHOLE_HOUSEHOLD)),
                persons == null ? List.of() : Arrays.asList(persons.split(",")),
                Boolean.TRUE.equals(execution.getVariable(SHOW_RELATIONSHIP)),
                Boolean.TRUE.equals(execution.getVariable(SHOW_RESIDENT_CODE)),
                Instant.now(clock));
        jukinet.send(MessageType.WIDE_AREA_COPY_REQUEST, issuing, request.homeCode(), requestId, request);
        Object sent = execution.getVariable(REQUESTS_SENT);
        execution.setVariable(REQUESTS_SENT, sent == null ? 1 : ((Number) sent).intValue() + 1);
    }
}
