package jp.jukiflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jp.jukiflow.JukiflowApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A second (or third) complete jukiflow application in the test JVM, serving one municipality, for tests of Juki-net
 * between deployments over real HTTP. Each has its own in-memory H2 and an engine with its own name, without the
 * webapps and the engine REST API, so that the shared test context keeps the one engine named "default" in Camunda's
 * static registry. Transport {@code http}; the peers are the other deployments' municipalities. Its job executor is
 * off (profile test): tests run jobs with {@link ProcessTestSupport#executeDueJobs}.
 *
 * <p>Not a test context: started and closed by the test class ({@code @BeforeAll}/{@code @AfterAll}).
 */
public final class TownDeployment implements AutoCloseable {

    /** The one municipality a deployment serves, with its main office taking every procedure. */
    public record Town(String code, String name, String nameKana, String mailDomain, String officeId,
                       String officeName) {
    }

    public static final Town OKUSHIRI = new Town(jp.jukiflow.support.Towns.OKUSHIRI, "奥尻町", "おくしりちょう", "okushiri.example",
            "okushiri-honcho", "奥尻町役場 本庁");
    public static final Town HAKODATE = new Town(jp.jukiflow.support.Towns.HAKODATE, "函館市", "はこだてし", "hakodate.example",
            "hakodate-honcho", "函館市役所 本庁舎");

    /**
     * Another deployment's municipality and how to reach it. {@code baseUrl} may be null for a peer that only sends.
     */
    public record Peer(String code, String baseUrl, String sharedKey) {
    }

    private final ConfigurableApplicationContext context;
    private final int port;

    private TownDeployment(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Starts a deployment of {@code town}.
     *
     * @param engineName a process engine name other than "default", unique in the JVM while it runs, without a hyphen
     *                   (Camunda ignores such a name and would register a second "default")
     * @param port       the HTTP port, 0 for a random one (see {@link #freePort()} when a peer must know it first)
     */
    public static TownDeployment start(String engineName, Town town, int port, List<Peer> peers) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("server.port", Integer.toString(port));
        p.put("spring.datasource.url", "jdbc:h2:mem:jukiflow-" + engineName + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        p.put("camunda.bpm.process-engine-name", engineName);
        p.put("camunda.bpm.webapp.enabled", "false");
        p.put("spring.autoconfigure.exclude",
                "org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration,"
                        + "org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappAutoConfiguration");
        p.put("JUKIFLOW_SMTP_HOST", "127.0.0.1");
        p.put("JUKIFLOW_SMTP_PORT", TestMailServer.smtpPort());
        p.put("jukiflow.test.imap-port", TestMailServer.imapPort());
        p.putAll(oneTownSettings(town));
        for (int i = 0; i < peers.size(); i++) {
            Peer peer = peers.get(i);
            p.put("jukiflow.jukinet.peers[" + i + "].code", peer.code());
            if (peer.baseUrl() != null) {
                p.put("jukiflow.jukinet.peers[" + i + "].base-url", peer.baseUrl());
            }
            p.put("jukiflow.jukinet.peers[" + i + "].shared-key", peer.sharedKey());
        }
        List<String> args = new ArrayList<>();
        p.forEach((k, v) -> args.add("--" + k + "=" + v));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(JukiflowApplication.class)
                // not "demo": the demo users belong to both towns, whose groups a one-town deployment lacks (see
                // support.MovingResidents for people with cards)
                .profiles("test")
                // as command-line arguments: they win over application.yml (builder properties are only defaults)
                .run(args.toArray(String[]::new));
        return new TownDeployment(context);
    }

    /**
     * The settings of a deployment serving only {@code town} (its main office taking every procedure), Juki-net over
     * HTTP; as command-line arguments they replace application.yml's list of both towns.
     */
    public static Map<String, String> oneTownSettings(Town town) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("jukiflow.municipalities[0].code", town.code());
        p.put("jukiflow.municipalities[0].name", town.name());
        p.put("jukiflow.municipalities[0].name-kana", town.nameKana());
        p.put("jukiflow.municipalities[0].prefecture", "北海道");
        p.put("jukiflow.municipalities[0].mail-domain", town.mailDomain());
        p.put("jukiflow.municipalities[0].offices[0].id", town.officeId());
        p.put("jukiflow.municipalities[0].offices[0].name", town.officeName());
        p.put("jukiflow.municipalities[0].offices[0].main", "true");
        p.put("jukiflow.municipalities[0].offices[0].procedures", "TRANSFER_OUT_BY_MAIL,TRANSFER_IN_WITH_CARD,"
                + "CARD_CONTINUATION,CARD_SUSPENSION,PIN_RESET,WIDE_AREA_COPY");
        p.put("jukiflow.jukinet.transport", "http");
        return p;
    }

    /** 奥尻町 and 函館市 as two complete applications, each the other's Juki-net peer over HTTP with one shared key. */
    public record Towns(TownDeployment okushiri, TownDeployment hakodate) implements AutoCloseable {

        @Override
        public void close() {
            okushiri.close();
            hakodate.close();
        }
    }

    /** Starts {@link Towns}: engines {@code okushiri<suffix>} and {@code hakodate<suffix>}, without demo data. */
    public static Towns startOkushiriAndHakodate(String engineSuffix, String sharedKey) {
        int okushiriPort = freePort();
        TownDeployment hakodate = start("hakodate" + engineSuffix, HAKODATE, 0,
                List.of(new Peer(OKUSHIRI.code(), "http://127.0.0.1:" + okushiriPort, sharedKey)));
        try {
            return new Towns(start("okushiri" + engineSuffix, OKUSHIRI, okushiriPort,
                    List.of(new Peer(HAKODATE.code(), hakodate.baseUrl(), sharedKey))), hakodate);
        } catch (RuntimeException e) {
            hakodate.close();
            throw e;
        }
    }

    /** A port free right now, for a deployment whose URL its peer must be given before it starts. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        context.close();
    }
}
