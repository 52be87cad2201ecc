package jp.jukiflow.intake.internal;

import static jp.jukiflow.intake.internal.MailReviewVariables.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.transferout.Attachment;
import jp.jukiflow.transferout.TransferOutForm;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Starts {@code mail-review} for an intake mail a clerk has to look at, in the caller's transaction; the instance's
 * tenant is the municipality (from {@code municipalityCode}).
 */
@Component
public class MailReviewStarter {

    private static final DateTimeFormatter RECEIVED_AT = DateTimeFormatter.ofPattern("uuuu年M月d日 H:mm", Locale.JAPAN);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final RuntimeService runtimeService;
    private final MunicipalityDirectory municipalities;

    public MailReviewStarter(RuntimeService runtimeService, MunicipalityDirectory municipalities) {
        this.runtimeService = runtimeService;
        this.municipalities = municipalities;
    }

    /**
     * @param prefill    what the label parser read, or null
     * @param fieldErrors the validator's errors in Japanese, or null
     * @return the process instance id
     */
    String start(IntakeMailStore.Row mail, MailContent content, String reason, TransferOutForm prefill,
                 String fieldErrors) {
        String code = mail.municipalityCode();
        Map<String, Object> v = new HashMap<>();
        if (prefill != null) {
            v.putAll(ReviewForm.prefill(prefill));
        }
        v.put(MUNICIPALITY_CODE, code);
        v.put(MUNICIPALITY_NAME, municipalities.find(LocalGovernmentCode.of(code)).map(m -> m.name()).orElse(code));
        v.put(INTAKE_MAIL_ID, mail.id());
        v.put(MESSAGE_ID, mail.messageId());
        String replyTo = (String) v.getOrDefault(EMAIL, content.fromAddress());
        v.put(EMAIL, replyTo);
        v.put(AUTO_REPLY, replyTo != null && content.autoReplyAllowed() && !isIntakeMailbox(code, replyTo));
        v.put(MAIL_FROM, ReviewForm.truncate(content.fromHeader().isBlank() ? "（差出人なし）" : content.fromHeader()));
        v.put(MAIL_SUBJECT, ReviewForm.truncate(content.subject().isBlank() ? "（件名なし）" : content.subject()));
        // the notify templates name the resident's subject in both replies
        v.put(ORIGINAL_SUBJECT, content.subject().isBlank() ? null : cut(content.subject(), 200));
        v.put(MAIL_RECEIVED_AT, RECEIVED_AT.format(mail.receivedAt().atZone(JAPAN)));
        v.put(MAIL_BODY, ReviewForm.truncate(content.hasBody() ? content.bodyText() : "（本文なし）"));
        v.put(ATTACHMENT_NAMES, content.attachments().isEmpty() ? "なし" : content.attachments().stream()
                .map(MailReviewStarter::describe).collect(Collectors.joining("\n")));
        v.put(REVIEW_REASON, ReviewForm.truncate(reason));
        v.put(CHANNEL, CHANNEL_MAIL);
        v.put(FIELD_ERRORS, fieldErrors);
        return runtimeService.createProcessInstanceByKey(PROCESS_KEY)
                // the tenant (the municipality) comes from the variable municipalityCode (security's TenantIdProvider)
                .processDefinitionWithoutTenantId()
                .businessKey(code + "-mail-" + mail.id())
                .setVariables(v)
                .execute()
                .getId();
    }

    private boolean isIntakeMailbox(String code, String address) {
        return municipalities.find(LocalGovernmentCode.of(code))
                .map(m -> m.mailDomain() != null && address.toLowerCase(Locale.ROOT)
                        .endsWith("@" + m.mailDomain().toLowerCase(Locale.ROOT)))
                .orElse(false);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String describe(Attachment a) {
        long kb = Math.max(1, (a.content().length + 1023) / 1024);
        return a.fileName() + "（" + a.contentType() + "、" + kb + " KB）";
    }
}
