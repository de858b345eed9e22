package io.kaleyracta.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local, strict stand-in for Kaleyra's WhatsApp "send CTA URL message" API on 127.0.0.1: it checks
 * path, SID, api-key, business number, Content-Type and the JSON body like the real API, answers 202
 * with a unique message id, answers each documented error when a reserved recipient ({@link Trigger})
 * asks for it, records every API request, and shows accepted messages as WhatsApp bubbles at
 * {@code GET /}. Plain object, JDK HTTP server only: usable from unit tests, inside an application
 * server and from {@link KaleyraSandboxMain}.
 *
 * <pre>{@code
 * try (KaleyraSandbox kaleyra = KaleyraSandbox.start()) {
 *     // POST kaleyra.baseUrl() + "/v2/" + KaleyraSandbox.SID + "/whatsapp/" + KaleyraSandbox.BUSINESS_NUMBER + "/messages"
 *     // with header api-key: KaleyraSandbox.API_KEY
 * }
 * }</pre>
 */
public final class KaleyraSandbox implements AutoCloseable {

    /** The account SID the sandbox expects in the path (shaped like Kaleyra's {@code HXAP16XXXXXX97IN}). */
    public static final String SID = "HXSANDBOX00000IN";

    /** The api-key header value the sandbox expects. Not a secret. */
    public static final String API_KEY = "sandbox-key-not-secret";

    /** The business number registered on the sandbox account (the path's {@code {phone_number}}). */
    public static final String BUSINESS_NUMBER = "+919000000000";

    private static final int BACKLOG = 512;

    static {
        // The JDK server leaves Nagle's algorithm on by default; with the client's delayed ACKs every answer then
        // waits about 40 ms. Read once when the JDK server class loads, so it is set before the first start.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }
    private static final AtomicInteger SANDBOXES = new AtomicInteger();

    private final HttpServer server;
    private final ExecutorService executor;
    private final SandboxState state;

    private KaleyraSandbox(HttpServer server, ExecutorService executor, SandboxState state) {
        this.server = server;
        this.executor = executor;
        this.state = state;
    }

    /** Starts a sandbox on 127.0.0.1 on a free ephemeral port. */
    public static KaleyraSandbox start() {
        return start(0);
    }

    /** Starts a sandbox on 127.0.0.1:{@code port} ({@code 0} picks a free port). */
    public static KaleyraSandbox start(int port) {
        SandboxState state = new SandboxState();
        state.registerBusinessNumber(BUSINESS_NUMBER);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Kaleyra sandbox could not listen on 127.0.0.1:" + port, e);
        }
        ExecutorService executor = Executors.newCachedThreadPool(threads());
        server.setExecutor(executor);
        server.createContext("/", new SandboxHandler(state));
        server.start();
        return new KaleyraSandbox(server, executor, state);
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The URL of the page that shows accepted messages as the customer sees them. */
    public String viewerUrl() {
        return baseUrl() + "/";
    }

    /** Every API request received since start or the last {@link #reset()}, in arrival order (a snapshot). */
    public List<RecordedRequest> requests() {
        return state.requests();
    }

    /** Every message answered with 202 since start or the last {@link #reset()}, in acceptance order (a snapshot). */
    public List<AcceptedMessage> accepted() {
        return state.accepted();
    }

    /** Forgets recorded requests, accepted messages, status callbacks sent and the flaky, outage and rate-limited triggers' per-recipient counters. */
    public void reset() {
        state.reset();
    }

    /** How long the {@link Trigger#SLOW} recipient waits before its 202 (default 3 s). */
    public void slowDelay(Duration delay) {
        state.slowDelay(delay);
    }

    /**
     * From now on, reports the fate of each accepted message to {@code url} like Kaleyra's callback profile (v2
     * shape, HTTP Basic with these credentials; {@code username} {@code null} sends no Authorization header),
     * following the recipient's {@link StatusScript}. {@code null} url stops the callbacks.
     */
    public void sendStatusCallbacks(java.net.URI url, String username, String password) {
        state.callbacks().target(url, username, password);
    }

    /** The pause before each status callback of a message (default 100 ms). */
    public void statusCallbackDelay(Duration delay) {
        state.callbacks().stepDelay(delay);
    }

    /** Every status callback delivered or tried since start or the last {@link #reset()}, in order (a snapshot). */
    public List<SentCallback> statusCallbacks() {
        return state.callbacks().sent();
    }

    /** Registers one more business number (sending number) on the sandbox account; with or without {@code +}. */
    public void registerBusinessNumber(String number) {
        state.registerBusinessNumber(number);
    }

    /** Stops listening and interrupts requests still waiting (a {@link Trigger#SLOW} one). */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        state.callbacks().close();
    }

    private static ThreadFactory threads() {
        int sandbox = SANDBOXES.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "kaleyra-sandbox-" + sandbox + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
