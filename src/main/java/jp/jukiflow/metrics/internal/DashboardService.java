package jp.jukiflow.metrics.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jp.jukiflow.metrics.internal.CaseFigures.Counts;
import jp.jukiflow.metrics.internal.CaseFigures.DayVolume;
import jp.jukiflow.metrics.internal.CaseFigures.KeyedCount;
import jp.jukiflow.metrics.internal.CaseFigures.PeriodFigures;
import jp.jukiflow.metrics.internal.DeadlineFigures.AtRisk;
import jp.jukiflow.metrics.internal.IncidentFigures.OpenIncident;
import jp.jukiflow.metrics.internal.OpenTaskFigures.OpenTaskRow;
import jp.jukiflow.municipality.LocalGovernmentCode;
import jp.jukiflow.municipality.MunicipalityDirectory;
import jp.jukiflow.notify.MailNotifier;
import jp.jukiflow.notify.OutboxBacklog;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Service;

/** Assembles the dashboard of one municipality: every table and chart, procedures discovered from the engine. */
@Service
class DashboardService {

    static final int CYCLE_TIME_CAP = 30;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final CaseFigures caseFigures;
    private final OpenTaskFigures openTasks;
    private final DeadlineFigures deadlines;
    private final IncidentFigures incidents;
    private final ProcedureNames procedureNames;
    private final MailNotifier mail;
    private final MunicipalityDirectory municipalities;
    private final IdentityService identityService;

    DashboardService(CaseFigures cases, OpenTaskFigures openTasks, DeadlineFigures deadlines, IncidentFigures incidents,
                     ProcedureNames procedureNames, MailNotifier mail, MunicipalityDirectory municipalities,
                     IdentityService identityService) {
        this.caseFigures = cases;
        this.openTasks = openTasks;
        this.deadlines = deadlines;
        this.incidents = incidents;
        this.procedureNames = procedureNames;
        this.mail = mail;
        this.municipalities = municipalities;
        this.identityService = identityService;
    }

    /** The ids of the tables, in the order of the page. */
    static final List<String> TABLE_IDS = List.of("procedures", "outcomes", "channels", "open-tasks", "deadlines",
            "incidents", "outbox", "volume");

    Dashboard of(String municipality, DashboardPeriod period) {
        Figures f = new Figures(municipality, period);
        List<Table> tables = TABLE_IDS.stream().map(id -> table(f, id)).toList();
        Dashboard.Headline headline = new Dashboard.Headline(
                f.cases().counts().values().stream().mapToLong(Counts::started).sum(),
                f.cases().counts().values().stream().mapToLong(Counts::completed).sum(),
                f.cases().counts().values().stream().mapToLong(Counts::inProgress).sum(),
                f.tasks().stream().mapToLong(OpenTaskRow::total).sum(),
                f.tasks().stream().mapToLong(OpenTaskRow::overdue).sum(),
                f.atRisk().size(),
                f.backlog().stream().mapToLong(OutboxBacklog::pending).sum(),
                f.incidents().size());
        Dashboard.Charts charts = new Dashboard.Charts(
                f.cases().volume().stream().map(v -> v.day().format(DATE)).toList(),
                f.cases().volume().stream().map(DayVolume::started).toList(),
                f.cases().volume().stream().map(DayVolume::completed).toList(),
                cycleTimeDistribution(f.cases().cycleTimes()),
                OpenTaskFigures.backlogByAge(f.tasks()));
        String name = municipalities.find(LocalGovernmentCode.of(municipality)).map(m -> m.name()).orElse(municipality);
        return new Dashboard(municipality, name, period, headline, tables, charts);
    }

    /** One table only (a CSV download computes nothing else); empty for an unknown id. */
    Optional<Table> table(String municipality, DashboardPeriod period, String id) {
        return TABLE_IDS.contains(id) ? Optional.of(table(new Figures(municipality, period), id)) : Optional.empty();
    }

    private Table table(Figures f, String id) {
        return switch (id) {
            case "procedures" -> procedures(f.names(), f.cases().counts(), f.cases().cycleTimes());
            case "outcomes" -> keyed(id, "結果の内訳（期間内に完了した案件）", "結果", f.cases().outcomes(), f.names());
            case "channels" -> keyed(id, "受付経路（期間内に受け付けた案件）", "受付経路", f.cases().channels(), f.names());
            case "open-tasks" -> openTaskTable(f.tasks(), f.names(), groupNames());
            case "deadlines" -> deadlineTable(f.atRisk(), f.names());
            case "incidents" -> incidentTable(f.incidents(), f.names());
            case "outbox" -> outboxTable(f.backlog());
            case "volume" -> volumeTable(f.cases().volume());
            default -> throw new IllegalArgumentException(id);
        };
    }

    /** The figures of one request, each read at most once, only when a table or the headline needs it. */
    private final class Figures {

        final String municipality;
        final DashboardPeriod period;
        private Map<String, String> names;
        private PeriodFigures cases;
        private List<OpenTaskRow> tasks;
        private List<AtRisk> atRisk;
        private List<OpenIncident> incidents;
        private List<OutboxBacklog> backlog;

        Figures(String municipality, DashboardPeriod period) {
            this.municipality = municipality;
            this.period = period;
        }

        Map<String, String> names() {
            return names != null ? names : (names = procedureNames.all());
        }

        PeriodFigures cases() {
            return cases != null ? cases : (cases = caseFigures.of(municipality, period));
        }

        List<OpenTaskRow> tasks() {
            return tasks != null ? tasks : (tasks = openTasks.of(municipality));
        }

        List<AtRisk> atRisk() {
            return atRisk != null ? atRisk : (atRisk = deadlines.of(municipality));
        }

        List<OpenIncident> incidents() {
            return incidents != null ? incidents : (incidents = DashboardService.this.incidents.of(municipality));
        }

        List<OutboxBacklog> backlog() {
            return backlog != null ? backlog : (backlog = mail.backlog().stream()
                    .filter(b -> b.municipalityCode().equals(municipality)).toList());
        }
    }

    private static Table procedures(Map<String, String> names, Map<String, Counts> counts,
                                    Map<String, SortedMap<Integer, Long>> cycleTimes) {
        List<List<String>> rows = new ArrayList<>();
        for (String key : new TreeSet<>(unionOf(names.keySet(), counts.keySet()))) {
            Counts c = counts.getOrDefault(key, new Counts(0, 0, 0));
            SortedMap<Integer, Long> histogram = cycleTimes.getOrDefault(key, new TreeMap<>());
            rows.add(List.of(names.getOrDefault(key, key), key, n(c.started()), n(c.completed()), n(c.inProgress()),
                    days(Percentiles.of(histogram, 0.5)), days(Percentiles.of(histogram, 0.9))));
        }
        return new Table("procedures", "手続別の件数と処理日数（開庁日）",
                List.of("手続", "プロセスキー", "受付", "完了", "処理中（現在）", "処理日数 中央値", "処理日数 90%"), rows);
    }

    private static Table keyed(String id, String title, String label, List<KeyedCount> counts, Map<String, String> names) {
        return new Table(id, title, List.of("手続", label, "件数"), counts.stream()
                .map(c -> List.of(names.getOrDefault(c.procedureKey(), c.procedureKey()),
                        c.label() == null ? "" : c.label(), n(c.count())))
                .toList());
    }

    private static Table openTaskTable(List<OpenTaskRow> tasks, Map<String, String> names, Map<String, String> groups) {
        List<String> header = new ArrayList<>(List.of("手続", "タスク", "担当グループ"));
        header.addAll(OpenTaskFigures.AGE_BUCKETS.stream().map(b -> "経過 " + b).toList());
        header.addAll(List.of("期限超過", "合計"));
        List<List<String>> rows = new ArrayList<>();
        for (OpenTaskRow t : tasks) {
            List<String> row = new ArrayList<>(List.of(names.getOrDefault(t.procedureKey(), t.procedureKey()),
                    t.taskName(), t.groupId() == null ? "（なし）" : groups.getOrDefault(t.groupId(), t.groupId())));
            for (long n : t.byAge()) {
                row.add(n(n));
            }
            row.add(n(t.overdue()));
            row.add(n(t.total()));
            rows.add(row);
        }
        return new Table("open-tasks", "未処理のタスク（経過は開庁日）", header, rows);
    }

    private static Table deadlineTable(List<AtRisk> atRisk, Map<String, String> names) {
        return new Table("deadlines", "法定期限が" + DeadlineFigures.WITHIN_BUSINESS_DAYS + "開庁日以内の案件",
                List.of("手続", "案件番号", "期限", "残り開庁日", "プロセスインスタンスID"),
                atRisk.stream().map(a -> List.of(names.getOrDefault(a.procedureKey(), a.procedureKey()),
                        a.caseKey() == null ? "" : a.caseKey(), a.lastDay().format(DATE),
                        a.businessDaysLeft() < 0 ? "期限超過（" + -a.businessDaysLeft() + "日）" : n(a.businessDaysLeft()),
                        a.processInstanceId())).toList());
    }

    private static Table incidentTable(List<OpenIncident> open, Map<String, String> names) {
        return new Table("incidents", "未解決のインシデント",
                List.of("手続", "発生日時", "アクティビティ", "種類", "内容", "プロセスインスタンスID"),
                open.stream().map(i -> List.of(names.getOrDefault(i.procedureKey(), i.procedureKey()),
                        DATE_TIME.format(i.since()), nullToEmpty(i.activityId()), nullToEmpty(i.type()),
                        nullToEmpty(i.message()), nullToEmpty(i.processInstanceId()))).toList());
    }

    private static Table outboxTable(List<OutboxBacklog> backlog) {
        return new Table("outbox", "送信待ちのメール", List.of("テンプレート", "件数"),
                backlog.stream().map(b -> List.of(b.template(), n(b.pending()))).toList());
    }

    private static Table volumeTable(List<DayVolume> volume) {
        return new Table("volume", "日別の受付・完了件数", List.of("日付", "受付", "完了"),
                volume.stream().map(v -> List.of(v.day().format(DATE), n(v.started()), n(v.completed()))).toList());
    }

    /** All procedures together: business days → completed cases, every day from 0 to the largest, capped. */
    static Map<String, Long> cycleTimeDistribution(Map<String, SortedMap<Integer, Long>> cycleTimes) {
        TreeMap<Integer, Long> merged = new TreeMap<>();
        cycleTimes.values().forEach(h -> h.forEach((days, n) -> merged.merge(Math.min(days, CYCLE_TIME_CAP), n, Long::sum)));
        Map<String, Long> distribution = new LinkedHashMap<>();
        if (merged.isEmpty()) {
            return distribution;
        }
        for (int d = 0; d <= merged.lastKey(); d++) {
            distribution.put(d == CYCLE_TIME_CAP ? CYCLE_TIME_CAP + "日以上" : d + "日", merged.getOrDefault(d, 0L));
        }
        return distribution;
    }

    private Map<String, String> groupNames() {
        return identityService.createGroupQuery().list().stream()
                .filter(g -> g.getName() != null)
                .collect(Collectors.toMap(Group::getId, Group::getName, (a, b) -> a));
    }

    private static Set<String> unionOf(Set<String> a, Set<String> b) {
        Set<String> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static String n(long n) {
        return Long.toString(n);
    }

    private static String days(Integer days) {
        return days == null ? "" : days.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
