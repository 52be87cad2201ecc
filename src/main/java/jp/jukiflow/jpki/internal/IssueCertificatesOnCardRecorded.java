package jp.jukiflow.jpki.internal;

import jp.jukiflow.card.CardRecorded;
import jp.jukiflow.jpki.CardCertificates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A recorded card gets its electronic certificates in the same transaction (see {@link CardCertificates#issueFor}). */
@Component
class IssueCertificatesOnCardRecorded {

    private final CardCertificates certificates;

    IssueCertificatesOnCardRecorded(CardCertificates certificates) {
        this.certificates = certificates;
    }

    @EventListener
    void on(CardRecorded event) {
        certificates.issueFor(event.card());
    }
}
