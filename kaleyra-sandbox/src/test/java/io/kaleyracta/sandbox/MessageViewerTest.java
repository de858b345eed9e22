package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class MessageViewerTest extends SandboxTest {

    private static final String HOSTILE = "<script>alert(\"x\")</script> & 'q'";
    private static final String HOSTILE_JSON = "<script>alert(\\\"x\\\")</script> & 'q'";


    @Test
    void showsAnEmptyChatBeforeAnyMessage() {
        HttpResponse<String> page = client.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("No messages yet", "0 messages accepted", "data-version=\"0:\"");
    }

    @Test
    void escapesEveryTextAndKeepsNewlines() {
        String body = SandboxClient.full(SandboxClient.RECIPIENT)
                .replace("Available Dates", HOSTILE_JSON)
                .replace("Tap the button below to see available dates.", HOSTILE_JSON + "\\nsecond line")
                .replace("Dates subject to change.", HOSTILE_JSON)
                .replace("\"See Dates\"", "\"<b>&'\\\"\"")
                .replace("clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4", "a=1&b='x'")
                .replace("customer1", HOSTILE_JSON);
        assertThat(client.send(body).statusCode()).isEqualTo(202);

        String page = client.get("/").body();

        String escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;";
        assertThat(page).contains("<div class=\"h\">" + escaped + "</div>")
                .contains("<div class=\"b\">" + escaped + "\nsecond line</div>")
                .contains("<div class=\"f\">" + escaped + "</div>")
                .contains("<span>&lt;b&gt;&amp;&#39;&quot;</span>")
                .contains("href=\"https://www.luckyshrub.com?a=1&amp;b=&#39;x&#39;\"")
                .contains("ref <code>" + escaped + "</code>")
                .doesNotContain("<script>alert", "'q'", "'x'");
        assertThat(page.split("<script>", -1)).hasSize(2);
    }

    @Test
    void showsEveryPartOfTheMessageNewestFirst() {
        client.send(SandboxClient.full(SandboxClient.RECIPIENT));
        client.send(SandboxClient.minimal("+447700900123"));
        String older = sandbox.accepted().get(0).messageId();
        String newer = sandbox.accepted().get(1).messageId();

        String page = client.get("/").body();

        assertThat(page).contains("2 messages accepted", "To <b>+919876543210</b> from +919000000000",
                "<div class=\"h\">Available Dates</div>", "<span>See Dates</span>", "ref1 <code>marketing</code>",
                "ref2 <code>dictionary</code>", "wa_source <code>api</code>", "message id <code>" + older + "</code>",
                "data-version=\"2:" + newer + "\"", "setInterval", "/messages.json");
        assertThat(page.indexOf("id=\"" + newer + "\"")).isLessThan(page.indexOf("id=\"" + older + "\""));
        assertThat(page).doesNotContain("http://", "https://cdn", "<link");
    }

    @Test
    void servesAcceptedMessagesAsJsonNewestFirst() {
        client.send(SandboxClient.full(SandboxClient.RECIPIENT));
        client.send(SandboxClient.minimal("+447700900123"));

        HttpResponse<String> response = client.get("/messages.json");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonArray messages = Json.createReader(new StringReader(response.body())).readArray();
        assertThat(messages).hasSize(2);
        assertThat(messages.getJsonObject(0).getString("to")).isEqualTo("+447700900123");
        assertThat(messages.getJsonObject(0).containsKey("header_text")).isFalse();
        assertThat(messages.getJsonObject(1).getString("header_text")).isEqualTo("Available Dates");
        assertThat(messages.getJsonObject(1).getString("message_id")).isEqualTo(sandbox.accepted().get(0).messageId());
    }

    @Test
    void viewerRequestsAreNotRecordedAndOnlyGetIsAllowed() {
        client.get("/");
        client.get("/messages.json");
        HttpResponse<String> post = client.exchange(client.builder("/")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());

        assertThat(post.statusCode()).isEqualTo(405);
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void escapeCoversAllFiveCharacters() {
        assertThat(MessageViewer.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
