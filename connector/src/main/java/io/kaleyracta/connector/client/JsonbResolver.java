package io.kaleyracta.connector.client;

import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.ext.ContextResolver;

/** Hands the connector's one JSON-B context to the REST client's JSON-B provider (else it builds one per call). */
final class JsonbResolver implements ContextResolver<Jsonb> {

  private final Jsonb jsonb;

  JsonbResolver(Jsonb jsonb) {
    this.jsonb = jsonb;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return jsonb;
  }
}
