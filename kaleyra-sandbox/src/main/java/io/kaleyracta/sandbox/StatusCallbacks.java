package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reports the fate of accepted messages like Kaleyra's callback profile: one POST per status, Kaleyra's v2 shape
 * (Meta's webhook {@code value} wrapped in {@code meta_object}, plus {@code status}, {@code message_id} and
 * {@code extra_info}), HTTP Basic authentication, a retry of non-2xx answers. The Meta status carries a
 * {@code wamid.}-style id different from the 202's id, as Kaleyra's pages show, so a receiver must match on both.
 * Each message's callbacks go out in order on one worker, {@link #stepDelay} apart.
 */
final class StatusCallbacks implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StatusCallbacks.class.getName());
    private static final int MAX_ATTEMPTS = 3;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService workers = Executors.newFixedThreadPool(4, task -> {
        Thread thread = new Thread(task, "kaleyra-sandbox-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final List<SentCallback> sent = new ArrayList<>();
    /** Bumped by {@link #reset}: callbacks of messages accepted before it are dropped, never sent to a new target. */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile URI url;
    private volatile String authorization;
    private volatile Duration stepDelay = Duration.ofMillis(100);

    void target(URI url, String username, String password) {
        this.authorization = username == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.url = url;
    }

    void stepDelay(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("step delay must be zero or positive, was " + delay);
        }
        stepDelay = delay;
    }

    /** Called before the 202 is answered: runs a {@link StatusScript#beforeAccept()} script right here. */
    void beforeReply(AcceptedMessage message) {
        StatusScript script = StatusScript.forRecipient(message.to());
        if (url == null || script.steps().isEmpty()) {
            return;
        }
        int born = generation.get();
        if (script.beforeAccept()) {
            run(message, script, born);
        } else {
            workers.execute(() -> {
                pause(stepDelay);
                run(message, script, born);
            });
        }
    }

    List<SentCallback> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    void reset() {
        synchronized (sent) {
            generation.incrementAndGet();
            sent.clear();
        }
    }

    private void run(AcceptedMessage message, StatusScript script, int born) {
        List<StatusScript.Step> steps = script.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (i > 0 && !script.beforeAccept()) {
                pause(stepDelay);
            }
            if (generation.get() != born) {
                return; // reset since: this message belongs to an earlier test or run
            }
            deliver(message, steps.get(i), born);
        }
    }

    private void deliver(AcceptedMessage message, StatusScript.Step step, int born) {
        URI target = url;
        if (target == null) {
            return; // callbacks were turned off meanwhile
        }
        byte[] body = body(message, step, Instant.now()).getBytes(StandardCharsets.UTF_8);
        int status = -1;
        int attempt = 0;
        while (attempt < MAX_ATTEMPTS && !(status >= 200 && status < 300)) {
            if (attempt++ > 0) {
                pause(stepDelay.multipliedBy(2));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                status = -1;
                LOG.log(Level.FINE, "status callback to " + target + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        synchronized (sent) {
            if (generation.get() != born) {
                return;
            }
            sent.add(new SentCallback(message.messageId(), step.status(), step.errorCode(), status, attempt,
                    Instant.now()));
        }
    }

    /** Kaleyra's v2 callback for one status of one message. */
    static String body(AcceptedMessage message, StatusScript.Step step, Instant at) {
        JsonObjectBuilder extraInfo = Json.createObjectBuilder()
                .add("trace_id", "sandbox-trace-" + message.messageId())
                .add("message_id", message.messageId())
                .add("waba_id", "100000000000001");
        add(extraInfo, "ref", message.ref());
        add(extraInfo, "ref1", message.ref1());
        add(extraInfo, "ref2", message.ref2());
        JsonObjectBuilder root = Json.createObjectBuilder();
        if (!step.status().equals("NOT-SENT")) {
            JsonObjectBuilder status = Json.createObjectBuilder()
                    .add("id", "wamid." + message.messageId())
                    .add("status", step.status())
                    .add("timestamp", Long.toString(at.getEpochSecond()))
                    .add("recipient_id", Trigger.withoutPlus(message.to()));
            if (step.errorCode() != null) {
                status.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("code", step.errorCode())
                        .add("title", step.errorTitle())
                        .add("message", step.errorTitle())
                        .add("error_data", Json.createObjectBuilder().add("details", step.errorTitle()))));
            } else {
                status.add("conversation", Json.createObjectBuilder().add("id", "sandbox-conversation")
                        .add("origin", Json.createObjectBuilder().add("type", "service")))
                        .add("pricing", Json.createObjectBuilder().add("billable", true)
                                .add("pricing_model", "CBP").add("category", "service"));
            }
            root.add("meta_object", Json.createObjectBuilder()
                    .add("value", Json.createObjectBuilder()
                            .add("messaging_product", "whatsapp")
                            .add("metadata", Json.createObjectBuilder()
                                    .add("display_phone_number", Trigger.withoutPlus(message.businessNumber()))
                                    .add("phone_number_id", "100000000000002"))
                            .add("statuses", Json.createArrayBuilder().add(status)))
                    .add("field", "messages"));
        }
        return root.add("extra_info", extraInfo)
                .add("status", step.status())
                .add("message_id", message.messageId())
                .build().toString();
    }

    private static void add(JsonObjectBuilder object, String key, String value) {
        if (value != null) {
            object.add(key, value);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
