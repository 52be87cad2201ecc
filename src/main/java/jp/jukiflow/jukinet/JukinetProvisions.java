package jp.jukiflow.jukinet;

import java.util.List;

import jp.jukiflow.audit.NewProvision;
import jp.jukiflow.audit.ProvisionRecords;
import jp.jukiflow.municipality.MunicipalityDirectory;
import org.springframework.stereotype.Component;

/**
 * The provision records (提供記録, docs/domain.md §8 and §10) of a Juki-net message that carries 本人確認情報 to another
 * municipality: one per person, recorded in the transaction of the sending step right after the delivery (a failed step
 * rolls it back with the sending), idempotent by the message id, so a retried step records nothing twice.
 */
@Component
public class JukinetProvisions {

    private final ProvisionRecords provisions;
    private final MunicipalityDirectory directory;

    JukinetProvisions(ProvisionRecords provisions, MunicipalityDirectory directory) {
        this.provisions = provisions;
        this.directory = directory;
    }

    /** Records that {@code sent} provided the {@code items} of each of {@code residentCodes} to its recipient. */
    public void recordSent(Envelope sent, List<String> residentCodes, String purpose, List<String> items,
                           String reference) {
        String recipient = recipientName(sent.to());
        for (String residentCode : residentCodes) {
            provisions.recordDelivered(new NewProvision(sent.from(), residentCode, recipient, sent.to(), purpose,
                    items, reference), sent.messageId());
        }
    }

    /** 「函館市長」: the head of the municipality with that code, as the recipient of a provision. */
    public String recipientName(String municipalityCode) {
        return directory.nameOf(municipalityCode) + "長";
    }
}
