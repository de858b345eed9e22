package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The natural checks, in Kaleyra's order, and the happy path. */
class MessagesEndpointTest extends SandboxTest {


    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void startsOnLoopbackWithAnEphemeralPort() {
        assertThat(sandbox.port()).isPositive();
        assertThat(sandbox.baseUrl()).isEqualTo("http://127.0.0.1:" + sandbox.port());
        assertThat(KaleyraSandbox.API_KEY).doesNotContainPattern("[A-Za-z0-9]{24}");
    }

    @Test
    void acceptsTheSpecSampleAndRecordsItExactly() {
        String body = SandboxClient.full(SandboxClient.RECIPIENT);

        HttpResponse<String> response = client.send(body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonObject answer = json(response.body());
        String id = answer.getJsonObject("data").getString("message_id");
        assertThat(id).matches("SBX[0-9A-Z]{17}");
        assertThat(response.body()).isEqualTo("{\"code\":\"WA202\",\"message\":\"Request Accepted\",\"data\":"
                + "{\"message_id\":\"" + id + "\"},\"error\":{}}");

        assertThat(sandbox.requests()).singleElement().satisfies(recorded -> {
            assertThat(recorded.method()).isEqualTo("POST");
            assertThat(recorded.rawPath()).isEqualTo("/v2/HXSANDBOX00000IN/whatsapp/+919000000000/messages");
            assertThat(recorded.header("API-KEY")).isEqualTo(KaleyraSandbox.API_KEY);
            assertThat(recorded.headers()).containsKey("content-type");
            assertThat(recorded.body()).isEqualTo(body);
            assertThat(recorded.bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
            assertThat(recorded.status()).isEqualTo(202);
            assertThat(recorded.responseBody()).isEqualTo(response.body());
            assertThat(recorded.toString()).doesNotContain(KaleyraSandbox.API_KEY);
        });
        assertThat(sandbox.accepted()).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(id);
            assertThat(message.businessNumber()).isEqualTo("+919000000000");
            assertThat(message.to()).isEqualTo("+919876543210");
            assertThat(message.headerText()).isEqualTo("Available Dates");
            assertThat(message.bodyText()).isEqualTo("Tap the button below to see available dates.");
            assertThat(message.footerText()).isEqualTo("Dates subject to change.");
            assertThat(message.buttonText()).isEqualTo("See Dates");
            assertThat(message.buttonUrl()).isEqualTo(
                    "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4");
            assertThat(message.ref()).isEqualTo("customer1");
            assertThat(message.ref1()).isEqualTo("marketing");
            assertThat(message.ref2()).isEqualTo("dictionary");
            assertThat(message.waSource()).isEqualTo("api");
            assertThat(message.acceptedAt()).isNotNull();
        });
    }

    @Test
    void acceptsTheMinimalPayloadWithAbsentOptionalsAsNull() {
        HttpResponse<String> response = client.send(SandboxClient.minimal("919876543210"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.accepted()).singleElement().satisfies(message -> {
            assertThat(message.to()).isEqualTo("919876543210");
            assertThat(message.buttonText()).isEqualTo("Pay now");
            assertThat(message.buttonUrl()).isEqualTo("https://pay.example.com/i/42");
            assertThat(message.headerText()).isNull();
            assertThat(message.bodyText()).isNull();
            assertThat(message.footerText()).isNull();
            assertThat(message.ref()).isNull();
            assertThat(message.waSource()).isNull();
        });
    }

    @Test
    void keepsUnicodeQuotesAndNewlinesByteForByte() {
        String text = "Caf\u00e9 \uD83D\uDE00 \"quoted\" <b>&amp;</b>\nline two";
        String body = SandboxClient.full(SandboxClient.RECIPIENT)
                .replace("Tap the button below to see available dates.", text.replace("\"", "\\\"").replace("\n", "\\n"));

        HttpResponse<String> response = client.send(body);

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.accepted().get(0).bodyText()).isEqualTo(text);
        assertThat(sandbox.requests().get(0).bodyBytes()).isEqualTo(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsPercentEncodedBusinessNumberAndKeepsTheRawPath() {
        String path = "/v2/" + KaleyraSandbox.SID + "/whatsapp/%2B919000000000/messages";

        HttpResponse<String> response = client.post(path, KaleyraSandbox.API_KEY, "application/json",
                SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.requests().get(0).rawPath()).isEqualTo(path);
        assertThat(sandbox.accepted().get(0).businessNumber()).isEqualTo("+919000000000");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/nothing", "/v2/HXSANDBOX00000IN/whatsapp/+919000000000/message",
            "/v2/HXSANDBOX00000IN/whatsapp/+919000000000/messages/", "/v1/HXSANDBOX00000IN/whatsapp/+919000000000/messages",
            "/v2/HXSANDBOX00000IN/whatsapp//messages", "/api/v2/HXSANDBOX00000IN/whatsapp/+919000000000/messages"})
    void answersJson404ForOtherPaths(String path) {
        HttpResponse<String> response = client.post(path, KaleyraSandbox.API_KEY,
                "application/json", SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response.body()).getString("code")).isEqualTo("NOT_FOUND");
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void answers405ForOtherMethods() {
        HttpResponse<String> get = client.exchange(client.builder(SandboxClient.MESSAGES_PATH)
                .header("api-key", KaleyraSandbox.API_KEY).GET().build());
        HttpResponse<String> put = client.exchange(client.builder(SandboxClient.MESSAGES_PATH)
                .header("api-key", KaleyraSandbox.API_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(SandboxClient.minimal(SandboxClient.RECIPIENT))).build());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("allow")).hasValue("POST");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(sandbox.requests()).extracting(RecordedRequest::method).containsExactly("GET", "PUT");
    }

    @Test
    void rejectsAWrongSidWithRbc001() {
        HttpResponse<String> response = client.post("/v2/HXAP16XXXXXX97IN/whatsapp/+919000000000/messages",
                KaleyraSandbox.API_KEY, "application/json", SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Bodies.RBC001);
    }

    @Test
    void rejectsAMissingApiKeyWithRbc001() {
        HttpResponse<String> response = client.post(SandboxClient.MESSAGES_PATH, null, "application/json",
                SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Bodies.RBC001);
    }

    @Test
    void rejectsAWrongApiKeyBeforeLookingAtThePayload() {
        HttpResponse<String> response = client.post(SandboxClient.MESSAGES_PATH, "wrong-key", "text/plain", "not json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Bodies.RBC001);
        assertThat(sandbox.requests().get(0).status()).isEqualTo(401);
    }

    @Test
    void rejectsAnUnregisteredBusinessNumberWithWa401BeforeContentType() {
        HttpResponse<String> response = client.post("/v2/" + KaleyraSandbox.SID + "/whatsapp/+918888888888/messages",
                KaleyraSandbox.API_KEY, "text/plain", "not json");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo(Bodies.WA401);
    }

    @Test
    void acceptsAnExtraRegisteredBusinessNumber() {
        try (KaleyraSandbox other = KaleyraSandbox.start()) {
            other.registerBusinessNumber("+918888888888");
            SandboxClient otherClient = new SandboxClient(other);

            HttpResponse<String> response = otherClient.post(
                    "/v2/" + KaleyraSandbox.SID + "/whatsapp/+918888888888/messages", KaleyraSandbox.API_KEY,
                    "application/json", SandboxClient.minimal(SandboxClient.RECIPIENT));

            assertThat(response.statusCode()).isEqualTo(202);
            assertThat(other.accepted().get(0).businessNumber()).isEqualTo("+918888888888");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=UTF-8",
            "application/json; charset=\"utf-8\""})
    void acceptsJsonContentTypes(String contentType) {
        HttpResponse<String> response = client.post(SandboxClient.MESSAGES_PATH, KaleyraSandbox.API_KEY, contentType,
                SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=iso-8859-1",
            "application/json; boundary=x", "application/jsonp", "MISSING"})
    void rejectsOtherContentTypesWithWa400(String contentType) {
        HttpResponse<String> response = client.post(SandboxClient.MESSAGES_PATH, KaleyraSandbox.API_KEY,
                contentType.equals("MISSING") ? null : contentType, SandboxClient.minimal(SandboxClient.RECIPIENT));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonObject answer = json(response.body());
        assertThat(answer.getString("code")).isEqualTo("WA400");
        assertThat(answer.getString("message")).isEqualTo("Refer to correct payload format");
        assertThat(answer.getJsonObject("error").getString("payload")).isEqualTo("Incorrect payload format");
        assertThat(answer.getJsonObject("error").getString("detail")).contains("Content-Type");
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void resetForgetsRequestsAndMessages() {
        client.send(SandboxClient.minimal(SandboxClient.RECIPIENT));

        sandbox.reset();

        assertThat(sandbox.requests()).isEmpty();
        assertThat(sandbox.accepted()).isEmpty();
    }
}
