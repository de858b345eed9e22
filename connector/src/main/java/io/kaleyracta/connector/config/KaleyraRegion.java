package io.kaleyracta.connector.config;

import java.net.URI;

/** Kaleyra's API pods (spec: "API Domain and Value"). */
public enum KaleyraRegion {
  IN("api.in.kaleyra.io"),
  SG("api.ap.kaleyra.io"),
  EU("api.eu.kaleyra.io");

  private final String host;

  KaleyraRegion(String host) {
    this.host = host;
  }

  public URI baseUri() {
    return URI.create("https://" + host);
  }
}
