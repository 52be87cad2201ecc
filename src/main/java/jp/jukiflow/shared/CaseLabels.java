package jp.jukiflow.shared;

/**
 * The process variables that tell cases apart in Tasklist's task list, the same in every process (set by the
 * {@code cases} module on each process, shown as columns by the Tasklist filters of the {@code security} module).
 */
public final class CaseLabels {

    /** 受付番号: the case's business key (受付番号, 一時停止番号, 広域交付の請求番号). */
    public static final String NUMBER = "caseNumber";
    public static final String NUMBER_LABEL = "受付番号";
    /** 氏名: the filer, requester, reporter or card holder the case is about. */
    public static final String NAME = "caseName";
    public static final String NAME_LABEL = "氏名";
    /** 受付日: the day the case arrived, e.g. 「2026年11月26日（木）」. */
    public static final String RECEIVED_ON = "caseReceivedOn";
    public static final String RECEIVED_ON_LABEL = "受付日";

    private CaseLabels() {
    }
}
