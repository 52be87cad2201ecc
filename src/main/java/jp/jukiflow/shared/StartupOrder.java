package jp.jukiflow.shared;

/** The order of the startup runners: the municipality catalogue, then identities and filters, then demo data. */
public final class StartupOrder {

    public static final int MUNICIPALITY_CATALOGUE = 10;
    public static final int IDENTITIES = 20;
    public static final int DEMO_DATA = 30;

    private StartupOrder() {
    }
}
