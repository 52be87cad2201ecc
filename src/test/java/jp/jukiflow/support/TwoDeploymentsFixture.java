package jp.jukiflow.support;

import org.junit.jupiter.api.AfterAll;

/**
 * The fixture of the tests between two complete deployments over real HTTP: 奥尻町 and 函館市 started without demo data
 * by the test class's {@code @BeforeAll} calling {@link #startBothTowns}, and closed after the class.
 */
public abstract class TwoDeploymentsFixture {

    private static TownDeployment.Towns towns;
    protected static TownDeployment okushiri;
    protected static TownDeployment hakodate;

    /** Starts both towns with engines {@code okushiri<engineSuffix>} and {@code hakodate<engineSuffix>}. */
    protected static void startBothTowns(String engineSuffix, String sharedKey) {
        towns = TownDeployment.startOkushiriAndHakodate(engineSuffix, sharedKey);
        okushiri = towns.okushiri();
        hakodate = towns.hakodate();
    }

    @AfterAll
    static void stopBothTowns() {
        if (towns != null) {
            towns.close();
            towns = null;
        }
    }
}
