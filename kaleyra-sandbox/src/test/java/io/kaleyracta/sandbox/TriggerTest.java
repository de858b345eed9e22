package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Reserved recipients answer what {@link Trigger} documents, after a fully valid request. */
class TriggerTest extends SandboxTest {

    @BeforeEach
    void defaultSlowDelay() {
        sandbox.slowDelay(Duration.ofSeconds(3));
    }

    static Stream<Arguments> errorTriggers() {
        return Stream.of(
                arguments(Trigger.AUTH_FAILURE, 401, Bodies.RBC001),
                arguments(Trigger.LOW_BALANCE, 400, Bodies.E110),
                arguments(Trigger.BAD_PAYLOAD, 400, Bodies.WA400),
                arguments(Trigger.ACCOUNT_NOT_ENABLED, 401, Bodies.WA_401_ACCOUNT),
                arguments(Trigger.WRONG_API_VERSION, 401, Bodies.WA_401_VERSION),
                arguments(Trigger.SERVER_ERROR, 500, Bodies.WA500),
                arguments(Trigger.UNKNOWN_CODE, 400, "{\"code\":\"WAV2101\",\"message\":\"Recipient is not a valid"
                        + " WhatsApp user or has not accepted the latest WhatsApp terms.\",\"data\":{},\"error\":{\"to\":"
                        + "\"Recipient is not a valid WhatsApp user or has not accepted the latest WhatsApp terms.\"}}"));
    }

    @ParameterizedTest
    @MethodSource("errorTriggers")
    void answersTheDocumentedErrorBody(Trigger trigger, int status, String body) {
        HttpResponse<String> response = client.send(SandboxClient.full(trigger.recipient()));

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo(body);
        assertThat(sandbox.accepted()).isEmpty();
        assertThat(sandbox.requests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.status()).isEqualTo(status);
            assertThat(recorded.responseBody()).isEqualTo(body);
        });
    }

    @Test
    void matchesReservedRecipientsWithoutThePlusToo() {
        HttpResponse<String> response = client.send(SandboxClient.minimal("919000000110"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).isEqualTo(Bodies.E110);
    }

    @Test
    void appliesTriggersOnlyToValidRequests() {
        String invalid = SandboxClient.full(Trigger.LOW_BALANCE.recipient()).replace("\"individual\"", "\"group\"");

        HttpResponse<String> response = client.send(invalid);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(MessagesEndpointTest.json(response.body()).getString("code")).isEqualTo("WA400");
    }

    @Test
    void serverErrorAnswersWa500EveryTime() {
        for (int i = 0; i < 4; i++) {
            assertThat(client.send(SandboxClient.minimal(Trigger.SERVER_ERROR.recipient())).statusCode()).isEqualTo(500);
        }
    }

    @Test
    void flakyAnswers500Then500Then202AndStartsOver() {
        String body = SandboxClient.minimal(Trigger.FLAKY.recipient());

        String statuses = Stream.generate(() -> client.send(body)).limit(4)
                .map(response -> String.valueOf(response.statusCode())).collect(Collectors.joining(","));

        assertThat(statuses).isEqualTo("500,500,202,500");
        assertThat(sandbox.requests().get(0).responseBody()).isEqualTo(Bodies.WA500);
        assertThat(sandbox.accepted()).singleElement()
                .satisfies(message -> assertThat(message.to()).isEqualTo(Trigger.FLAKY.recipient()));
    }

    @Test
    void resetRestartsTheFlakyCycle() {
        String body = SandboxClient.minimal(Trigger.FLAKY.recipient());
        client.send(body);
        client.send(body);

        sandbox.reset();

        assertThat(client.send(body).statusCode()).isEqualTo(500);
    }

    @Test
    void outageThenRecoveryAnswers500ThreeTimesThen202FromThenOn() {
        String body = SandboxClient.minimal(Trigger.OUTAGE_THEN_RECOVERY.recipient());

        String statuses = Stream.generate(() -> client.send(body)).limit(5)
                .map(response -> String.valueOf(response.statusCode())).collect(Collectors.joining(","));

        assertThat(statuses).isEqualTo("500,500,500,202,202");
        assertThat(sandbox.requests().get(2).responseBody()).isEqualTo(Bodies.WA500);
        assertThat(sandbox.accepted()).hasSize(2)
                .allSatisfy(message -> assertThat(message.to()).isEqualTo(Trigger.OUTAGE_THEN_RECOVERY.recipient()));
    }

    @Test
    void outageIsCountedPerRecipientAndResetStartsItAgain() {
        String withPlus = SandboxClient.minimal(Trigger.OUTAGE_THEN_RECOVERY.recipient());
        String flaky = SandboxClient.minimal(Trigger.FLAKY.recipient());
        for (int i = 0; i < 3; i++) {
            assertThat(client.send(withPlus).statusCode()).isEqualTo(500);
        }
        assertThat(client.send(flaky).statusCode()).as("other triggers keep their own count").isEqualTo(500);
        assertThat(client.send(SandboxClient.minimal("919000000505")).statusCode())
                .as("the same recipient without +").isEqualTo(202);

        sandbox.reset();

        assertThat(client.send(withPlus).statusCode()).isEqualTo(500);
    }

    @Test
    void htmlBadGatewayAnswersAnNginxPage() {
        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.HTML_BAD_GATEWAY.recipient()));

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/html");
        assertThat(response.body()).startsWith("<html>").contains("<title>502 Bad Gateway</title>", "nginx");
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void slowWaitsTheConfiguredDelayThenAccepts() {
        sandbox.slowDelay(Duration.ofMillis(400));
        long started = System.nanoTime();

        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.SLOW.recipient()));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.accepted()).hasSize(1);
    }

    @Test
    void slowAnswersDoNotHoldUpOtherRequests() throws Exception {
        sandbox.slowDelay(Duration.ofSeconds(2));
        var slow = client.sendAsync(SandboxClient.minimal(Trigger.SLOW.recipient()));
        long started = System.nanoTime();

        HttpResponse<String> quick = client.send(SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(quick.statusCode()).isEqualTo(202);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(slow.get().statusCode()).isEqualTo(202);
        assertThat(sandbox.requests()).extracting(RecordedRequest::status).containsExactly(202, 202);
    }

    @Test
    void malformedAcceptedAnswersTheSpecSampleWithoutCommasButAcceptsTheMessage() {
        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.MALFORMED_ACCEPTED.recipient()));

        assertThat(response.statusCode()).isEqualTo(202);
        String id = sandbox.accepted().get(0).messageId();
        assertThat(response.body()).isEqualTo("{\n\"code\":\"WA202\"\n\"message\":\"Request Accepted\",\n\"data\":{\n"
                + "\"message_id\":\"" + id + "\"\n}\n\"error\":{}\n}");
        assertThatThrownBy(() -> Json.createReader(new StringReader(response.body())).readObject())
                .isInstanceOf(JsonException.class);
    }

    @Test
    void emptyOkAnswers200WithAnEmptyObjectAndAcceptsNothing() {
        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.EMPTY_OK.recipient()));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        assertThat(response.body()).isEqualTo("{}");
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void noContentAnswers204WithoutABody() {
        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.NO_CONTENT.recipient()));

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void gatewayTimeoutJsonAnswers504WithAGatewaysOwnCode() {
        HttpResponse<String> response = client.send(SandboxClient.full(Trigger.GATEWAY_TIMEOUT_JSON.recipient()));

        assertThat(response.statusCode()).isEqualTo(504);
        assertThat(response.body()).isEqualTo(
                "{\"code\":\"GATEWAY_TIMEOUT\",\"message\":\"The upstream server did not respond in time\"}");
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void rateLimitedAnswers429WithRetryAfterThen202AndStartsOver() {
        String body = SandboxClient.minimal(Trigger.RATE_LIMITED.recipient());

        HttpResponse<String> limited = client.send(body);
        HttpResponse<String> accepted = client.send(body);
        HttpResponse<String> again = client.send(body);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
        assertThat(MessagesEndpointTest.json(limited.body()).getString("code")).isEqualTo("TOO_MANY_REQUESTS");
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(sandbox.accepted()).hasSize(1);
    }

    @Test
    void reservedRecipientsAreDistinctAndLookLikePhoneNumbers() {
        assertThat(Arrays.stream(Trigger.values()).map(Trigger::recipient))
                .doesNotHaveDuplicates()
                .allMatch(number -> number.matches("\\+91900000[0-9]{4}"))
                .doesNotContain(KaleyraSandbox.BUSINESS_NUMBER);
        assertThat(Trigger.forRecipient("+919000000503")).hasValue(Trigger.FLAKY);
        assertThat(Trigger.forRecipient("+919876543210")).isEmpty();
    }

    @Test
    void acceptedBodyIsValidJson() {
        JsonObject answer = MessagesEndpointTest.json(client.send(SandboxClient.minimal(SandboxClient.RECIPIENT)).body());

        assertThat(answer.getString("code")).isEqualTo("WA202");
        assertThat(answer.getJsonObject("error")).isEmpty();
    }
}
