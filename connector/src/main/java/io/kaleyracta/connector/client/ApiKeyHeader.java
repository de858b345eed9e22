package io.kaleyracta.connector.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

/** Sets Kaleyra's {@code api-key} header on every request. Holds the key; never prints it. */
final class ApiKeyHeader implements ClientRequestFilter {

  static final String NAME = "api-key";

  private final String apiKey;

  ApiKeyHeader(String apiKey) {
    this.apiKey = apiKey;
  }

  @Override
  public void filter(ClientRequestContext request) {
    request.getHeaders().putSingle(NAME, apiKey);
  }

  @Override
  public String toString() {
    return "ApiKeyHeader[***]";
  }
}
