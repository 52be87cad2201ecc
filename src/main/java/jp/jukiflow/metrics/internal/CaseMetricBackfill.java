package jp.jukiflow.metrics.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.jukiflow.municipality.BusinessCalendar;
import jp.jukiflow.shared.StartupOrder;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases the engine's history holds but the read model does not (started before this version was installed) get
 * their row at start-up, from the history: procedure, municipality, channel, start, and for finished ones the end,
 * the outcome (the end event's name, 取消 when terminated) and the cycle time in business days. A running one is
 * completed by the listeners when it ends. Runs at every start and finds nothing once done; two nodes starting
 * together skip each other's rows.
 */
@Component
@Order(StartupOrder.DEMO_DATA + 1)
class CaseMetricBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseMetricBackfill.class);

    private final JdbcClient jdbc;
    private final CaseMetricStore store;
    private final RepositoryService repositoryService;
    private final BusinessCalendar calendar;

    CaseMetricBackfill(JdbcClient jdbc, CaseMetricStore store, RepositoryService repositoryService,
                       BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.store = store;
        this.repositoryService = repositoryService;
        this.calendar = calendar;
    }

    private record Historic(String id, String key, String tenant, String definitionId, Instant start, Instant end,
                            String endActivityId, String state) {
    }

    @Override
    public void run(ApplicationArguments args) {
        int filled = backfill();
        if (filled > 0) {
            log.info("Read model: {} earlier cases filled in from the engine's history", filled);
        }
    }

    int backfill() {
        List<Historic> missing = jdbc.sql("""
                select h.id_, h.proc_def_key_, h.tenant_id_, h.proc_def_id_, h.start_time_, h.end_time_, h.end_act_id_,
                       h.state_
                from act_hi_procinst h
                where h.tenant_id_ is not null
                  and not exists (select 1 from case_metric c where c.process_instance_id = h.id_)""")
                .query((rs, n) -> {
                    Timestamp end = rs.getTimestamp(6);
                    return new Historic(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), end == null ? null : end.toInstant(), rs.getString(7),
                            rs.getString(8));
                }).list();
        if (missing.isEmpty()) {
            return 0;
        }
        Map<String, String> channels = new HashMap<>();
        jdbc.sql("""
                select v.proc_inst_id_, v.text_ from act_hi_varinst v
                where v.name_ = ? and v.proc_inst_id_ = v.execution_id_
                  and not exists (select 1 from case_metric c where c.process_instance_id = v.proc_inst_id_)""")
                .param(CaseRecorder.CHANNEL_VARIABLE)
                .query(rs -> { channels.put(rs.getString(1), rs.getString(2)); });
        Map<String, BpmnModelInstance> models = new HashMap<>();
        List<Historic> filled = new ArrayList<>();
        for (Historic h : missing) {
            try {
                LocalDate startedOn = h.start().atZone(BusinessCalendar.ZONE).toLocalDate();
                store.started(h.id(), h.key(), h.tenant(), channels.get(h.id()), h.start(), startedOn);
                if (h.end() != null) {
                    LocalDate endedOn = h.end().atZone(BusinessCalendar.ZONE).toLocalDate();
                    store.ended(h.id(), h.end(), endedOn, outcome(h, models),
                            calendar.businessDaysBetween(startedOn, endedOn), Duration.between(h.start(), h.end()).toSeconds());
                }
                filled.add(h);
            } catch (DuplicateKeyException another) {
                // another node filled this one in meanwhile
            }
        }
        return filled.size();
    }

    private String outcome(Historic h, Map<String, BpmnModelInstance> models) {
        if (!"COMPLETED".equals(h.state()) || h.endActivityId() == null) {
            return CaseRecorder.CANCELLED;
        }
        BpmnModelInstance model = models.computeIfAbsent(h.definitionId(), repositoryService::getBpmnModelInstance);
        ModelElementInstance end = model == null ? null : model.getModelElementById(h.endActivityId());
        String name = end == null ? null : end.getAttributeValue("name");
        return name == null ? h.endActivityId() : name;
    }
}
