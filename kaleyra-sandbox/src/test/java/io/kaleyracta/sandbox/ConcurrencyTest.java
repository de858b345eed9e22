package io.kaleyracta.sandbox;

import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrencyTest {

    @Test
    void gives200ConcurrentRequests200DistinctIdsAnd200Records() {
        try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
            SandboxClient client = new SandboxClient(sandbox);
            List<String> recipients = IntStream.range(0, 200).mapToObj(i -> String.format("+9198%08d", i)).toList();

            List<CompletableFuture<HttpResponse<String>>> calls = recipients.stream()
                    .map(to -> client.sendAsync(SandboxClient.minimal(to))).toList();
            List<HttpResponse<String>> responses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(202);
            Set<String> answeredIds = responses.stream()
                    .map(r -> MessagesEndpointTest.json(r.body()).getJsonObject("data").getString("message_id"))
                    .collect(Collectors.toSet());
            assertThat(answeredIds).hasSize(200);
            assertThat(sandbox.requests()).hasSize(200);
            assertThat(sandbox.accepted()).hasSize(200);
            assertThat(sandbox.accepted()).extracting(AcceptedMessage::messageId).containsExactlyInAnyOrderElementsOf(answeredIds);
            assertThat(sandbox.accepted()).extracting(AcceptedMessage::to).containsExactlyInAnyOrderElementsOf(recipients);
        }
    }

    @Test
    void idsStayUniqueAcrossResetAndAcrossSandboxes() {
        try (KaleyraSandbox first = KaleyraSandbox.start(); KaleyraSandbox second = KaleyraSandbox.start()) {
            String a = id(new SandboxClient(first));
            first.reset();
            String b = id(new SandboxClient(first));
            String c = id(new SandboxClient(second));

            assertThat(Set.of(a, b, c)).hasSize(3);
        }
    }

    private static String id(SandboxClient client) {
        HttpResponse<String> response = client.send(SandboxClient.minimal(SandboxClient.RECIPIENT));
        return MessagesEndpointTest.json(response.body()).getJsonObject("data").getString("message_id");
    }
}
