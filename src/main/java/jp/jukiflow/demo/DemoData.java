package jp.jukiflow.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jp.jukiflow.card.CardRegistry;
import jp.jukiflow.pin.PinHasher;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.register.Resident;
import jp.jukiflow.register.ResidentRegister;
import jp.jukiflow.shared.StartupOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data, in the demo profile only (never with postgres): the demo operators, and for each municipality about
 * {@code jukiflow.demo.residents-per-municipality} residents in households with cards. Deterministic for a seed;
 * a municipality that already has residents is left alone.
 */
@Component
@Profile("demo & !postgres")
@Order(StartupOrder.DEMO_DATA)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final int PIN_HASHES = 4;

    private final DemoUsers users;
    private final MunicipalityDirectory municipalities;
    private final ResidentRegister register;
    private final CardRegistry cards;
    private final PinHasher pinHasher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final long seed;
    private final int residentsPerMunicipality;

    DemoData(DemoUsers users, MunicipalityDirectory municipalities, ResidentRegister register, CardRegistry cards,
             PinHasher pinHasher, TransactionTemplate transaction, Clock clock,
             @Value("${jukiflow.demo.seed:20261126}") long seed,
             @Value("${jukiflow.demo.residents-per-municipality:300}") int residentsPerMunicipality) {
        this.users = users;
        this.municipalities = municipalities;
        this.register = register;
        this.cards = cards;
        this.pinHasher = pinHasher;
        this.transaction = transaction;
        this.clock = clock;
        this.seed = seed;
        this.residentsPerMunicipality = residentsPerMunicipality;
    }

    @Override
    public void run(ApplicationArguments args) {
        users.ensure();
        LocalDate today = LocalDate.now(clock);
        List<Municipality> empty = municipalities.all().stream().filter(m -> register.count(m.code().value()) == 0).toList();
        if (empty.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<String> pinHashes = DemoCards.demoPinHashes(pinHasher, PIN_HASHES);
        for (Municipality m : empty) {
            String code = m.code().value();
            transaction.executeWithoutResult(status -> {
                DemoRegister demoRegister = new DemoRegister(register, seed + Long.parseLong(code), today);
                List<Resident> residents = demoRegister.populate(code, residentsPerMunicipality);
                new DemoCards(cards, pinHashes, demoRegister.random(), today).issue(residents);
                log.info("Demo data: {} residents with cards in {} ({})", residents.size(), m.name(), code);
            });
        }
        log.info("Demo data created in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
