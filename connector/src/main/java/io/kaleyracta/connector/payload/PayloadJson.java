package io.kaleyracta.connector.payload;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import java.util.Optional;

/**
 * One JSON-B context for the connector's payloads. Building a Yasson context is expensive, so it is made once per
 * connector and shared by the REST client (through a {@code ContextResolver}) and by the response parsing.
 */
public final class PayloadJson implements AutoCloseable {

  private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig().withNullValues(false));

  public Jsonb jsonb() {
    return jsonb;
  }

  public String toJson(CtaMessageRequest request) {
    return jsonb.toJson(request);
  }

  /** Kaleyra's JSON answer, or empty when the body is not a JSON object (an HTML page, a cut body). */
  public Optional<KaleyraResponse> parseResponse(String body) {
    if (body == null || body.isBlank() || !body.trim().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(jsonb.fromJson(body, KaleyraResponse.class));
    } catch (RuntimeException e) {
      // whatever the parser objects to (JsonbException, a parsing or type error), it is not Kaleyra's JSON
      return Optional.empty();
    }
  }

  @Override
  public void close() throws Exception {
    jsonb.close();
  }
}
