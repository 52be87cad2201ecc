package jp.jukiflow.jukinet.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jp.jukiflow.jukinet.Envelope;
import jp.jukiflow.jukinet.JukinetDeliveryException;
import jp.jukiflow.jukinet.JukinetMessageHandler;
import jp.jukiflow.jukinet.MessageDirection;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.security.TenantAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The receiving side of Juki-net: every envelope a transport delivers to a municipality of this deployment comes in
 * here. It is logged, then handed to each {@link JukinetMessageHandler} of its type, in one transaction: a handler's
 * exception refuses the whole message. A message id received before is not handled again.
 *
 * <p>The handlers always run as {@code jukinet:<sender>} acting for the addressed municipality only
 * ({@link TenantAccess#actingFor}), whoever delivers the message: a job of the sending municipality's tenant (the
 * in-process transport), a timer, a clerk's request, or a peer's HTTP request. So no handler needs the sender's tenant
 * or a switched-off tenant check, and every audit line a handler writes names the sending municipality.
 */
@Service
public class JukinetInbox {

    private static final Logger log = LoggerFactory.getLogger(JukinetInbox.class);

    private final JukinetMessageStore store;
    private final MunicipalityDirectory directory;
    private final ObjectProvider<JukinetMessageHandler> handlers;
    private final Clock clock;
    private final TenantAccess tenantAccess;

    // handlers are looked up per message: a handler may itself send over Juki-net without a dependency cycle
    public JukinetInbox(JukinetMessageStore store, MunicipalityDirectory directory,
                 ObjectProvider<JukinetMessageHandler> handlers, Clock clock, TenantAccess tenantAccess) {
        this.tenantAccess = tenantAccess;
        this.store = store;
        this.directory = directory;
        this.handlers = handlers;
        this.clock = clock;
    }

    @Transactional
    public ReceiveOutcome receive(Envelope envelope) {
        Objects.requireNonNull(envelope, "envelope");
        LocalGovernmentCode.of(envelope.from());
        if (directory.find(LocalGovernmentCode.of(envelope.to())).isEmpty()) {
            throw new JukinetDeliveryException("JUKINET_DESTINATION_NOT_SERVED",
                    "宛先の市区町村（団体コード " + envelope.to() + "）はこのシステムが担当する市区町村ではないため、受信できません。");
        }
        if (store.exists(envelope.messageId(), MessageDirection.RECEIVED)) {
            log.info("Juki-net duplicate id={} ({}) ignored", envelope.messageId(), envelope.type());
            return ReceiveOutcome.DUPLICATE;
        }
        log.info("Juki-net receive {} ({}) id={} from={} to={} correlation={}", envelope.type(),
                envelope.type().label(), envelope.messageId(), envelope.from(), envelope.to(),
                envelope.correlationId());
        store.insert(envelope, MessageDirection.RECEIVED, Instant.now(clock));

        List<JukinetMessageHandler> matching = handlers.orderedStream()
                .filter(h -> h.type() == envelope.type())
                .toList();
        if (matching.isEmpty()) {
            log.warn("Juki-net id={}: no handler for {}; kept unhandled", envelope.messageId(), envelope.type());
            return ReceiveOutcome.NO_HANDLER;
        }
        String actor = actorFor(envelope);
        log.info("Juki-net id={}: handled as {} acting for {}", envelope.messageId(), actor, envelope.to());
        tenantAccess.actingFor(actor, envelope.to(), () -> {
            for (JukinetMessageHandler handler : matching) {
                handler.handle(envelope);
            }
            return null;
        });
        store.markHandled(envelope.messageId(), MessageDirection.RECEIVED);
        return ReceiveOutcome.HANDLED;
    }

    /** Who acts on a received message: the sending municipality over Juki-net, as audit lines name it. */
    public static String actorFor(Envelope envelope) {
        return "jukinet:" + envelope.from();
    }
}
