package io.kaleyracta.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Real HTTP against a sandbox, as a connector would send it. */
final class SandboxClient {

    static final String MESSAGES_PATH =
            "/v2/" + KaleyraSandbox.SID + "/whatsapp/" + KaleyraSandbox.BUSINESS_NUMBER + "/messages";

    static final String FULL_BODY = """
            {"messaging_object":{"messaging_product":"whatsapp","recipient_type":"individual","to":"%s",\
            "type":"interactive","interactive":{"type":"cta_url",\
            "header":{"type":"text","text":"Available Dates"},\
            "body":{"text":"Tap the button below to see available dates."},\
            "footer":{"text":"Dates subject to change."},\
            "action":{"name":"cta_url","parameters":{"display_text":"See Dates",\
            "url":"https://www.luckyshrub.com?clickID=kqDGWd24Q5TRwoEQTICY7W1JKoXvaZOXWAS7h1P76s0R7Paec4"}}}},\
            "extra_info":{"ref":"customer1","ref1":"marketing","ref2":"dictionary","wa_source":"api"}}""";

    static final String MINIMAL_BODY = """
            {"messaging_object":{"messaging_product":"whatsapp","to":"%s","type":"interactive",\
            "interactive":{"type":"cta_url","action":{"name":"cta_url",\
            "parameters":{"display_text":"Pay now","url":"https://pay.example.com/i/42"}}}}}""";

    static final String RECIPIENT = "+919876543210";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final KaleyraSandbox sandbox;

    SandboxClient(KaleyraSandbox sandbox) {
        this.sandbox = sandbox;
    }

    static String full(String to) {
        return String.format(FULL_BODY, to);
    }

    static String minimal(String to) {
        return String.format(MINIMAL_BODY, to);
    }

    /** POSTs a body to the messages endpoint with the right key and Content-Type. */
    HttpResponse<String> send(String body) {
        return post(MESSAGES_PATH, KaleyraSandbox.API_KEY, "application/json", body);
    }

    CompletableFuture<HttpResponse<String>> sendAsync(String body) {
        return http.sendAsync(request(MESSAGES_PATH, KaleyraSandbox.API_KEY, "application/json", body),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** POSTs; a null apiKey or contentType leaves that header out. */
    HttpResponse<String> post(String rawPath, String apiKey, String contentType, String body) {
        return exchange(request(rawPath, apiKey, contentType, body));
    }

    HttpResponse<String> get(String rawPath) {
        return exchange(HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + rawPath)).GET().build());
    }

    HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder builder(String rawPath) {
        return HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + rawPath)).timeout(Duration.ofSeconds(20));
    }

    private HttpRequest request(String rawPath, String apiKey, String contentType, String body) {
        HttpRequest.Builder builder = builder(rawPath)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (apiKey != null) {
            builder.header("api-key", apiKey);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return builder.build();
    }
}
