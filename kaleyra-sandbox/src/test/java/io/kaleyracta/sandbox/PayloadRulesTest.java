package io.kaleyracta.sandbox;

import jakarta.json.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** Every payload rule breaks with WA400 and names the rule in error.detail; nothing is accepted. */
class PayloadRulesTest extends SandboxTest {

    private static final String FULL = SandboxClient.full(SandboxClient.RECIPIENT);
    private static final String URL =
            "https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4";


    private static String replace(String from, String to) {
        assertThat(FULL).contains(from);
        return FULL.replace(from, to);
    }

    static Stream<Arguments> brokenBodies() {
        return Stream.of(
                arguments("empty body", "", "body is empty"),
                arguments("not JSON", "{\"messaging_object\":", "not valid JSON"),
                arguments("trailing garbage", FULL + "}", "not valid JSON"),
                arguments("array", "[" + FULL + "]", "must be a JSON object"),
                arguments("duplicate key", replace("\"recipient_type\":\"individual\",",
                        "\"recipient_type\":\"individual\",\"recipient_type\":\"individual\","), "not valid JSON"),
                arguments("unknown top-level key", replace("{\"messaging_object\"", "{\"template\":\"x\",\"messaging_object\""),
                        "unknown key \"template\" in (root)"),
                arguments("unknown key in messaging_object", replace("\"recipient_type\"", "\"preview_url\":true,\"recipient_type\""),
                        "unknown key \"preview_url\" in messaging_object"),
                arguments("unknown key in interactive", replace("\"type\":\"cta_url\",", "\"type\":\"cta_url\",\"buttons\":[],"),
                        "unknown key \"buttons\" in messaging_object.interactive"),
                arguments("unknown key in header", replace("\"type\":\"text\",", "\"type\":\"text\",\"image\":\"x\","),
                        "unknown key \"image\" in messaging_object.interactive.header"),
                arguments("unknown key in parameters", replace("\"display_text\"", "\"id\":\"1\",\"display_text\""),
                        "unknown key \"id\" in messaging_object.interactive.action.parameters"),
                arguments("unknown key in extra_info", replace("\"ref\":\"customer1\"", "\"ref3\":\"x\",\"ref\":\"customer1\""),
                        "unknown key \"ref3\" in extra_info"),
                arguments("snake case key misspelt", replace("\"wa_source\"", "\"waSource\""), "unknown key \"waSource\""),
                arguments("missing messaging_object", "{\"extra_info\":{\"ref\":\"a\"}}", "messaging_object is required but missing"),
                arguments("missing messaging_product", replace("\"messaging_product\":\"whatsapp\",", ""),
                        "messaging_object.messaging_product is required but missing"),
                arguments("missing to", replace("\"to\":\"+919876543210\",", ""), "messaging_object.to is required but missing"),
                arguments("missing type", replace("\"type\":\"interactive\",", ""), "messaging_object.type is required but missing"),
                arguments("missing interactive.type", replace("\"type\":\"cta_url\",", ""),
                        "messaging_object.interactive.type is required but missing"),
                arguments("missing action", replace(",\"action\":{\"name\":\"cta_url\",\"parameters\":{\"display_text\":\"See Dates\",\"url\":\"" + URL + "\"}}", ""),
                        "messaging_object.interactive.action is required but missing"),
                arguments("missing action.name", replace("\"name\":\"cta_url\",", ""),
                        "messaging_object.interactive.action.name is required but missing"),
                arguments("missing display_text", replace("\"display_text\":\"See Dates\",", ""),
                        "action.parameters.display_text is required but missing"),
                arguments("missing url", replace(",\"url\":\"" + URL + "\"", ""), "action.parameters.url is required but missing"),
                arguments("missing header type", replace("\"type\":\"text\",", ""), "interactive.header.type is required but missing"),
                arguments("missing header text", replace(",\"text\":\"Available Dates\"", ""), "interactive.header.text is required but missing"),
                arguments("null to", replace("\"to\":\"+919876543210\"", "\"to\":null"), "messaging_object.to is null"),
                arguments("null footer", replace("\"footer\":{\"text\":\"Dates subject to change.\"}", "\"footer\":null"),
                        "messaging_object.interactive.footer is null"),
                arguments("null ref", replace("\"ref\":\"customer1\"", "\"ref\":null"), "extra_info.ref is null"),
                arguments("null extra_info", FULL.substring(0, FULL.indexOf(",\"extra_info\"")) + ",\"extra_info\":null}",
                        "extra_info is null"),
                arguments("empty body object", replace("\"body\":{\"text\":\"Tap the button below to see available dates.\"}", "\"body\":{}"),
                        "messaging_object.interactive.body is an empty object"),
                arguments("empty extra_info", FULL.substring(0, FULL.indexOf(",\"extra_info\"")) + ",\"extra_info\":{}}",
                        "extra_info is an empty object"),
                arguments("empty string", replace("\"ref1\":\"marketing\"", "\"ref1\":\"\""), "extra_info.ref1 is blank"),
                arguments("blank body text", replace("Tap the button below to see available dates.", "  "),
                        "interactive.body.text is blank"),
                arguments("wrong messaging_product", replace("\"whatsapp\"", "\"WhatsApp\""),
                        "messaging_product must be \"whatsapp\" but was \"WhatsApp\""),
                arguments("wrong recipient_type", replace("\"individual\"", "\"group\""), "recipient_type must be \"individual\""),
                arguments("wrong type", replace("\"type\":\"interactive\"", "\"type\":\"text\""), "messaging_object.type must be \"interactive\""),
                arguments("wrong interactive type", replace("\"type\":\"cta_url\"", "\"type\":\"button\""),
                        "messaging_object.interactive.type must be \"cta_url\""),
                arguments("wrong header type", replace("\"type\":\"text\"", "\"type\":\"audio\""),
                        "header.type must be one of [text, image, video, document] but was \"audio\""),
                arguments("wrong action name", replace("\"name\":\"cta_url\"", "\"name\":\"url\""), "action.name must be \"cta_url\""),
                arguments("wa_source not in the list", replace("\"wa_source\":\"api\"", "\"wa_source\":\"camunda\""),
                        "extra_info.wa_source must be one of"),
                arguments("number instead of string", replace("\"to\":\"+919876543210\"", "\"to\":919876543210"),
                        "messaging_object.to must be a string but was number"),
                arguments("string instead of object", replace("\"body\":{\"text\":\"Tap the button below to see available dates.\"}",
                        "\"body\":\"Tap the button\""), "messaging_object.interactive.body must be a JSON object but was string"),
                arguments("boolean ref", replace("\"ref\":\"customer1\"", "\"ref\":true"), "extra_info.ref must be a string but was true"),
                arguments("recipient not a phone number", replace("\"to\":\"+919876543210\"", "\"to\":\"+91 98765 43210\""),
                        "messaging_object.to must be a phone number"),
                arguments("recipient with trailing space", replace("\"to\":\"+919876543210\"", "\"to\":\"+919876543210 \""),
                        "messaging_object.to must be a phone number"),
                arguments("relative url", replace(URL, "/dates"), "must be an absolute http(s) URL"),
                arguments("javascript url", replace(URL, "javascript:alert(1)"), "must be an absolute http(s) URL"),
                arguments("header text over 60", replace("Available Dates", "h".repeat(61)), "header.text is 61 characters long; the limit is 60"),
                arguments("body text over 1024", replace("Tap the button below to see available dates.", "b".repeat(1025)),
                        "body.text is 1025 characters long; the limit is 1024"),
                arguments("footer text over 60", replace("Dates subject to change.", "f".repeat(61)), "footer.text is 61 characters long; the limit is 60"),
                arguments("button text over 20", replace("See Dates", "\uD83D\uDE00".repeat(21)),
                        "display_text is 21 characters long; the limit is 20"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenBodies")
    void rejectsWithWa400NamingTheRule(String rule, String body, String expectedDetail) {
        HttpResponse<String> response = client.send(body);

        assertThat(response.statusCode()).as(rule).isEqualTo(400);
        JsonObject answer = MessagesEndpointTest.json(response.body());
        assertThat(answer.getString("code")).isEqualTo("WA400");
        assertThat(answer.getString("message")).isEqualTo("Refer to correct payload format");
        assertThat(answer.getJsonObject("data")).isEmpty();
        assertThat(answer.getJsonObject("error").getString("payload")).isEqualTo("Incorrect payload format");
        assertThat(answer.getJsonObject("error").getString("detail")).contains(expectedDetail);
        assertThat(sandbox.accepted()).isEmpty();
        assertThat(sandbox.requests()).singleElement()
                .satisfies(recorded -> assertThat(recorded.status()).isEqualTo(400));
    }

    static Stream<Arguments> limitsExactlyReached() {
        return Stream.of(
                arguments("Available Dates", "h".repeat(60)),
                arguments("Tap the button below to see available dates.", "b".repeat(1024)),
                arguments("Dates subject to change.", "f".repeat(60)),
                arguments("See Dates", "\uD83D\uDE00".repeat(20)));
    }

    @ParameterizedTest
    @MethodSource("limitsExactlyReached")
    void acceptsTextsExactlyAtTheLimitCountingCodePoints(String from, String to) {
        HttpResponse<String> response = client.send(replace(from, to));

        assertThat(response.statusCode()).isEqualTo(202);
    }

    @ParameterizedTest
    @MethodSource("waSources")
    void acceptsEveryDocumentedWaSource(String waSource) {
        HttpResponse<String> response = client.send(replace("\"wa_source\":\"api\"", "\"wa_source\":\"" + waSource + "\""));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(sandbox.accepted().get(0).waSource()).isEqualTo(waSource);
    }

    static Stream<String> waSources() {
        return PayloadValidator.WA_SOURCES.stream();
    }

    @ParameterizedTest
    @MethodSource("refs")
    void cutsRefsOver255CharactersLikeKaleyra(String key) {
        HttpResponse<String> response = client.send(FULL.replaceFirst("\"" + key + "\":\"[a-z0-9]+\"",
                "\"" + key + "\":\"" + "r".repeat(300) + "\""));

        assertThat(response.statusCode()).isEqualTo(202);
        AcceptedMessage message = sandbox.accepted().get(0);
        String ref = key.equals("ref") ? message.ref() : key.equals("ref1") ? message.ref1() : message.ref2();
        assertThat(ref).isEqualTo("r".repeat(255));
    }

    static Stream<String> refs() {
        return Stream.of("ref", "ref1", "ref2");
    }
}
