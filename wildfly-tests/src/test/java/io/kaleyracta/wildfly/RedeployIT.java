package io.kaleyracta.wildfly;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.sandbox.KaleyraSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Undeploying an application closes the connector's REST clients: redeploying a WAR that sends five times leaves the
 * server with no more threads, sockets or connections to Kaleyra than before; and two deployments with different
 * {@code kaleyra.*} values each keep one client (one pooled connection) however often they send.
 *
 * <p>Runs on the client: the sandbox listens in this JVM on the server's {@code kaleyra.base-url}, and the managed
 * server is this JVM's child process, whose threads and file descriptors are counted in /proc (Linux).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RedeployIT {

    private static final int REDEPLOYMENTS = 5;

    private static KaleyraSandbox sandbox;
    private static int sandboxPort;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = "first", managed = false, testable = false)
    static WebArchive first() {
        return sendingWar("kaleyra-first", 3001);
    }

    @Deployment(name = "second", managed = false, testable = false)
    static WebArchive second() {
        return sendingWar("kaleyra-second", 3002);
    }

    /** A WAR that sends {@link SendsOnStart#SENDS} messages when it starts, with its own read timeout. */
    private static WebArchive sendingWar(String name, int readTimeoutMs) {
        return TestWar.withConnector(name)
                .addClass(SendsOnStart.class)
                .addAsResource("processes/kaleyra-cta.bpmn")
                .addAsResource(new StringAsset("kaleyra.read-timeout-ms=" + readTimeoutMs + "\n"),
                        "META-INF/microprofile-config.properties");
    }

    @BeforeAll
    static void startSandbox() {
        // the JDK server closes idle connections after 30 s by default: keep them, so a leaked one stays visible
        System.setProperty("sun.net.httpserver.idleInterval", "600");
        String baseUrl = Stream.of(System.getProperty("kaleyra.server.properties").split(" "))
                .filter(p -> p.startsWith("-Dkaleyra.base-url=")).findFirst().orElseThrow().split("=", 2)[1];
        sandboxPort = URI.create(baseUrl).getPort();
        sandbox = KaleyraSandbox.start(sandboxPort);
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void redeployingFiveTimesLeaksNoThreadsSocketsOrConnections() throws Exception {
        sandbox.reset();
        cycle("first"); // warm-up: the server's own pools and caches fill on the first deployment
        Server before = Server.now(sandboxPort);

        for (int i = 0; i < REDEPLOYMENTS; i++) {
            cycle("first");
        }
        Server after = Server.settled(sandboxPort, before);

        assertThat(sandbox.accepted()).hasSize((REDEPLOYMENTS + 1) * SendsOnStart.SENDS);
        assertThat(after.connectionsToKaleyra()).as("server connections to Kaleyra left open").isZero();
        assertThat(after.sockets()).as("server sockets (before: %d)", before.sockets())
                .isLessThanOrEqualTo(before.sockets());
        assertThat(after.threadFamiliesGrownBy(before, REDEPLOYMENTS))
                .as("thread families with a new thread per redeployment (all new threads: %s)",
                        after.newThreadNames(before))
                .isEmpty();
    }

    @Test
    void twoDeploymentsWithTheirOwnConfigurationEachKeepOneClient() throws Exception {
        sandbox.reset();
        deployer.deploy("first");
        try {
            deployer.deploy("second");
            try {
                assertThat(sandbox.accepted()).hasSize(2 * SendsOnStart.SENDS);
                assertThat(Server.now(sandboxPort).connectionsToKaleyra())
                        .as("one kept-alive connection per deployment, not one per send").isEqualTo(2);
            } finally {
                deployer.undeploy("second");
            }
        } finally {
            deployer.undeploy("first");
        }
    }

    private void cycle(String deployment) {
        deployer.deploy(deployment);
        deployer.undeploy(deployment);
    }

    /** What the managed WildFly process holds now, read from /proc. */
    record Server(long threads, long sockets, long connectionsToKaleyra, Map<String, Long> threadNames) {

        /**
         * The JVM's own elastic threads (JIT compiler threads, the common fork-join pool), which come and go with
         * load whatever the deployments do; not counted. Names as the kernel keeps them (15 characters).
         */
        private static final Pattern JVM_ELASTIC_THREADS = Pattern.compile("C[12] CompilerThre|ForkJoinPool.co");

        static Server now(int kaleyraPort) throws IOException {
            Path proc = Path.of("/proc", Long.toString(pid()));
            Map<String, Long> names;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                names = tasks.map(task -> read(task.resolve("comm")).strip())
                        .filter(name -> !JVM_ELASTIC_THREADS.matcher(name).lookingAt())
                        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
            }
            long sockets;
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                sockets = fds.filter(fd -> linkTarget(fd).startsWith("socket:")).count();
            }
            long threads = names.values().stream().mapToLong(Long::longValue).sum();
            return new Server(threads, sockets, connectionsTo(proc, kaleyraPort), names);
        }

        /** Counts again until the numbers are back to the baseline or a few seconds have passed (sockets close async). */
        static Server settled(int kaleyraPort, Server baseline) throws Exception {
            Server now = now(kaleyraPort);
            for (int i = 0; i < 50 && (now.sockets > baseline.sockets || now.connectionsToKaleyra > 0); i++) {
                Thread.sleep(100);
                now = now(kaleyraPort);
            }
            return now;
        }

        /**
         * Thread families (names without their numbers) that grew by at least {@code by} threads: a leak of one
         * thread per deployment. WildFly's deployment pool ("ServerService Thread Pool -- N") grows towards its core
         * size on demand whatever is deployed, so it is not counted.
         */
        Map<String, Long> threadFamiliesGrownBy(Server before, int by) {
            Map<String, Long> grown = new TreeMap<>();
            Map<String, Long> earlier = families(before.threadNames);
            families(threadNames).forEach((family, count) -> {
                long more = count - earlier.getOrDefault(family, 0L);
                if (more >= by && !family.startsWith("ServerService")) {
                    grown.put(family, more);
                }
            });
            return grown;
        }

        private static Map<String, Long> families(Map<String, Long> names) {
            return names.entrySet().stream().collect(Collectors.groupingBy(
                    e -> e.getKey().replaceAll("\\d+", "#"), TreeMap::new, Collectors.summingLong(Map.Entry::getValue)));
        }

        Map<String, Long> newThreadNames(Server before) {
            Map<String, Long> added = new TreeMap<>();
            threadNames.forEach((name, count) -> {
                long more = count - before.threadNames.getOrDefault(name, 0L);
                if (more > 0) {
                    added.put(name, more);
                }
            });
            return added;
        }

        /** The server's established TCP connections to the port, from its network namespace's tables. */
        private static long connectionsTo(Path proc, int port) throws IOException {
            String remote = String.format(":%04X", port);
            long count = 0;
            for (String table : List.of("net/tcp", "net/tcp6")) {
                Path path = proc.resolve(table);
                if (Files.exists(path)) {
                    // sl local_address rem_address st ...; st 01 = ESTABLISHED; this JVM's sandbox side has
                    // the port as local address, the server's client side as remote address
                    count += Files.readAllLines(path).stream().skip(1).map(line -> line.trim().split("\\s+"))
                            .filter(c -> c[2].endsWith(remote) && c[3].equals("01")).count();
                }
            }
            return count;
        }

        /** The managed WildFly: the child of this JVM that runs jboss-modules. */
        private static long pid() {
            return ProcessHandle.current().descendants()
                    .filter(p -> read(Path.of("/proc", Long.toString(p.pid()), "cmdline")).contains("jboss-modules"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no WildFly child process")).pid();
        }

        private static String read(Path path) {
            try {
                return Files.readString(path);
            } catch (IOException e) {
                return "";
            }
        }

        private static String linkTarget(Path fd) {
            try {
                return Files.readSymbolicLink(fd).toString();
            } catch (IOException e) {
                return "";
            }
        }
    }
}
