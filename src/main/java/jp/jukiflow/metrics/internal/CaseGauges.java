package jp.jukiflow.metrics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jp.jukiflow.municipality.Municipality;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.notify.MailNotifier;
import jp.jukiflow.notify.OutboxBacklog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The Prometheus figures read from the database, labelled by procedure and municipality, refreshed on a fixed delay
 * (setting {@code jukiflow.metrics.refresh}, default 30 s) so a scrape never queries: the counters
 * {@code jukiflow_cases_started_total} and {@code jukiflow_cases_completed_total} (totals of the read model, the same
 * on every node), and the gauges {@code jukiflow_open_tasks}, {@code jukiflow_deadline_at_risk},
 * {@code jukiflow_mail_outbox_pending} and {@code jukiflow_incidents_open}.
 */
@Component
class CaseGauges {

    private static final Logger log = LoggerFactory.getLogger(CaseGauges.class);

    static final String STARTED = "jukiflow.cases.started";
    static final String COMPLETED = "jukiflow.cases.completed";
    static final String OPEN_TASKS = "jukiflow.open.tasks";
    static final String DEADLINE_AT_RISK = "jukiflow.deadline.at.risk";
    static final String OUTBOX_PENDING = "jukiflow.mail.outbox.pending";
    static final String INCIDENTS_OPEN = "jukiflow.incidents.open";

    private final MeterRegistry registry;
    private final CaseFigures cases;
    private final OpenTaskFigures openTasks;
    private final DeadlineFigures deadlines;
    private final IncidentFigures incidents;
    private final ProcedureNames procedureNames;
    private final MailNotifier mail;
    private final MunicipalityDirectory municipalities;
    private final Map<List<String>, AtomicLong[]> totals = new ConcurrentHashMap<>();
    private final MultiGauge openTaskGauge;
    private final MultiGauge deadlineGauge;
    private final MultiGauge outboxGauge;
    private final MultiGauge incidentGauge;

    CaseGauges(MeterRegistry registry, CaseFigures cases, OpenTaskFigures openTasks, DeadlineFigures deadlines,
               IncidentFigures incidents, ProcedureNames procedureNames, MailNotifier mail,
               MunicipalityDirectory municipalities) {
        this.registry = registry;
        this.cases = cases;
        this.openTasks = openTasks;
        this.deadlines = deadlines;
        this.incidents = incidents;
        this.procedureNames = procedureNames;
        this.mail = mail;
        this.municipalities = municipalities;
        this.openTaskGauge = MultiGauge.builder(OPEN_TASKS).description("Open user tasks").register(registry);
        this.deadlineGauge = MultiGauge.builder(DEADLINE_AT_RISK)
                .description("Open cases whose legal last day is within 5 business days or past").register(registry);
        this.outboxGauge = MultiGauge.builder(OUTBOX_PENDING).description("Mails not yet sent").register(registry);
        this.incidentGauge = MultiGauge.builder(INCIDENTS_OPEN).description("Open incidents").register(registry);
    }

    @Scheduled(initialDelayString = "${jukiflow.metrics.refresh:PT30S}", fixedDelayString = "${jukiflow.metrics.refresh:PT30S}")
    void scheduledRefresh() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Prometheus figures not refreshed: {}", e.toString());
        }
    }

    /** Reads every figure once and updates the meters (new label sets appear, vanished ones drop out). */
    void refresh() {
        cases.totals().forEach((key, n) -> {
            AtomicLong[] values = totals.computeIfAbsent(key, this::registerCounters);
            values[0].set(n[0]);
            values[1].set(n[1]);
        });
        Map<List<String>, Long> tasks = new HashMap<>();
        Map<List<String>, Long> atRisk = new HashMap<>();
        Map<List<String>, Long> open = new HashMap<>();
        for (Municipality m : municipalities.all()) {
            String code = m.code().value();
            openTasks.of(code).forEach(t -> tasks.merge(List.of(t.procedureKey(), code), t.total(), Long::sum));
            deadlines.of(code).forEach(d -> atRisk.merge(List.of(d.procedureKey(), code), 1L, Long::sum));
            incidents.of(code).forEach(i -> open.merge(List.of(i.procedureKey(), code), 1L, Long::sum));
        }
        Set<String> procedures = procedureNames.all().keySet();
        Map<List<String>, Long> outbox = new HashMap<>();
        for (OutboxBacklog b : mail.backlog()) {
            outbox.merge(List.of(TemplateProcedures.procedureOf(b.template(), procedures), b.municipalityCode()),
                    b.pending(), Long::sum);
        }
        openTaskGauge.register(rows(tasks), true);
        deadlineGauge.register(rows(atRisk), true);
        outboxGauge.register(rows(outbox), true);
        incidentGauge.register(rows(open), true);
    }

    private AtomicLong[] registerCounters(List<String> municipalityAndProcedure) {
        AtomicLong[] values = {new AtomicLong(), new AtomicLong()};
        Tags tags = Tags.of(CaseMeters.PROCEDURE, municipalityAndProcedure.get(1), CaseMeters.MUNICIPALITY,
                municipalityAndProcedure.get(0));
        FunctionCounter.builder(STARTED, values[0], AtomicLong::get).description("Cases started").tags(tags)
                .register(registry);
        FunctionCounter.builder(COMPLETED, values[1], AtomicLong::get).description("Cases completed").tags(tags)
                .register(registry);
        return values;
    }

    private static List<MultiGauge.Row<?>> rows(Map<List<String>, Long> values) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        values.forEach((key, n) -> rows.add(MultiGauge.Row.of(
                Tags.of(CaseMeters.PROCEDURE, key.get(0), CaseMeters.MUNICIPALITY, key.get(1)), n)));
        return rows;
    }
}
