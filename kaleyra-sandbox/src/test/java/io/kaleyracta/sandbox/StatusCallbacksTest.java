package io.kaleyracta.sandbox;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The sandbox reports statuses like Kaleyra's callback profile, to a real HTTP receiver on loopback. */
class StatusCallbacksTest extends SandboxTest {

    private static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString("kaleyra:callback-pw".getBytes(StandardCharsets.UTF_8));

    private record Received(String authorization, JsonObject body, long at) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger refuseFirst = new AtomicInteger();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        receiver.createContext("/kaleyra/whatsapp/status", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = refuseFirst.getAndDecrement() > 0 ? 503 : 200;
                if (status == 200) {
                    received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                            MessagesEndpointTest.json(body), System.nanoTime()));
                }
                exchange.sendResponseHeaders(status, -1);
            }
        });
        receiver.start();
        sandbox.statusCallbackDelay(Duration.ofMillis(10));
        sandbox.sendStatusCallbacks(URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/kaleyra/whatsapp/status"), "kaleyra", "callback-pw");
    }

    @AfterEach
    void stopReceiver() {
        sandbox.sendStatusCallbacks(null, null, null);
        receiver.stop(0);
    }

    @Test
    void reportsSentDeliveredReadInKaleyrasV2ShapeWithBasicAuth() {
        String id = send(SandboxClient.RECIPIENT);

        List<Received> callbacks = await(id, 3);
        assertThat(callbacks).extracting(r -> r.body().getString("status")).containsExactly("sent", "delivered", "read");
        Received first = callbacks.get(0);
        assertThat(first.authorization()).isEqualTo(BASIC);
        assertThat(first.body().getString("message_id")).isEqualTo(id);
        assertThat(first.body().getJsonObject("extra_info").getString("message_id")).isEqualTo(id);
        assertThat(first.body().getJsonObject("extra_info").getString("ref")).isEqualTo("customer1");
        JsonObject status = first.body().getJsonObject("meta_object").getJsonObject("value")
                .getJsonArray("statuses").getJsonObject(0);
        assertThat(status.getString("id")).isEqualTo("wamid." + id);
        assertThat(status.getString("status")).isEqualTo("sent");
        assertThat(status.getString("recipient_id")).isEqualTo("919876543210");
        assertThat(Long.parseLong(status.getString("timestamp"))).isPositive();
        assertThat(awaitRecorded(id, 3)).allMatch(SentCallback::acknowledged);
    }

    @Test
    void reportsMetasErrorCodeForTheTwentyFourHourWindowAndForAnUndeliverableNumber() {
        String reengagement = send(StatusScript.FAILED_REENGAGEMENT.recipient());
        String undeliverable = send(StatusScript.FAILED_UNDELIVERABLE.recipient());

        JsonObject failed = await(reengagement, 2).get(1).body();
        assertThat(failed.getString("status")).isEqualTo("failed");
        JsonObject error = failed.getJsonObject("meta_object").getJsonObject("value").getJsonArray("statuses")
                .getJsonObject(0).getJsonArray("errors").getJsonObject(0);
        assertThat(error.getInt("code")).isEqualTo(131047);
        assertThat(error.getString("title")).isEqualTo("Re-engagement message");
        assertThat(await(undeliverable, 1).get(0).body().getJsonObject("meta_object").getJsonObject("value")
                .getJsonArray("statuses").getJsonObject(0).getJsonArray("errors").getJsonObject(0).getInt("code"))
                .isEqualTo(131026);
    }

    @Test
    void reportsNotSentWithoutMetaObject() {
        String id = send(StatusScript.NOT_SENT.recipient());

        JsonObject notSent = await(id, 1).get(0).body();
        assertThat(notSent.getString("status")).isEqualTo("NOT-SENT");
        assertThat(notSent.containsKey("meta_object")).isFalse();
    }

    @Test
    void followsTheDeliveredOnlyReadReceiptsOffDuplicateAndOutOfOrderScripts() {
        String deliveredOnly = send(StatusScript.DELIVERED_ONLY.recipient());
        String readReceiptsOff = send(StatusScript.READ_RECEIPTS_OFF.recipient());
        String duplicates = send(StatusScript.DUPLICATES.recipient());
        String outOfOrder = send(StatusScript.OUT_OF_ORDER.recipient());

        assertThat(await(duplicates, 6)).extracting(r -> r.body().getString("status"))
                .containsExactly("sent", "sent", "delivered", "delivered", "read", "read");
        assertThat(await(outOfOrder, 3)).extracting(r -> r.body().getString("status"))
                .containsExactly("read", "delivered", "sent");
        assertThat(await(deliveredOnly, 2)).extracting(r -> r.body().getString("status"))
                .containsExactly("sent", "delivered");
        assertThat(await(readReceiptsOff, 2)).extracting(r -> r.body().getString("status"))
                .containsExactly("sent", "delivered");
    }

    @Test
    void sendsNothingForTheSilentRecipient() {
        String silent = send(StatusScript.SILENT.recipient());
        String later = send(SandboxClient.RECIPIENT);

        await(later, 3);
        assertThat(callbacksFor(silent)).isEmpty();
        assertThat(sandbox.statusCallbacks()).noneMatch(c -> c.messageId().equals(silent));
    }

    @Test
    void reportsBeforeThe202ForTheBeforeAcceptRecipient() {
        String id = send(StatusScript.BEFORE_ACCEPT.recipient());

        assertThat(callbacksFor(id)).extracting(r -> r.body().getString("status"))
                .as("both callbacks were answered before the client had its 202")
                .containsExactly("delivered", "read");
    }

    @Test
    void triesAgainWhenTheReceiverDoesNotAcknowledge() {
        refuseFirst.set(1);
        String id = send(StatusScript.NOT_SENT.recipient());

        await(id, 1);
        assertThat(awaitRecorded(id, 1)).singleElement()
                .satisfies(c -> assertThat(c.attempts()).isEqualTo(2))
                .satisfies(c -> assertThat(c.httpStatus()).isEqualTo(200));
    }

    @Test
    void theViewerShowsTicksAndFailures() {
        String read = send(SandboxClient.RECIPIENT);
        String failed = send(StatusScript.FAILED_REENGAGEMENT.recipient());
        awaitRecorded(read, 3);
        awaitRecorded(failed, 2);

        String page = client.get("/").body();
        assertThat(page).contains("<span class=\"ticks read\" title=\"read\">\u2713\u2713</span>",
                "\u26a0 Failed (Meta error 131047)");
        assertThat(client.get("/messages.json").body()).contains("\"status\":\"read\"", "\"error_code\":131047");
    }

    private String send(String recipient) {
        return MessagesEndpointTest.json(client.send(SandboxClient.full(recipient)).body())
                .getJsonObject("data").getString("message_id");
    }

    private List<Received> callbacksFor(String id) {
        return received.stream().filter(r -> r.body().getString("message_id").equals(id)).toList();
    }

    private List<Received> await(String id, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (callbacksFor(id).size() < count && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(callbacksFor(id)).hasSize(count);
        return callbacksFor(id);
    }

    /** The sandbox records a callback once the receiver answered, a moment after the receiver has it. */
    private List<SentCallback> awaitRecorded(String id, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (recorded(id).size() < count && System.nanoTime() < deadline) {
            pause();
        }
        assertThat(recorded(id)).hasSize(count);
        return recorded(id);
    }

    private static List<SentCallback> recorded(String id) {
        return sandbox.statusCallbacks().stream().filter(c -> c.messageId().equals(id)).toList();
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
