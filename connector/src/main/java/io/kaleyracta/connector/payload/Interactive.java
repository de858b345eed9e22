package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The interactive part: a call-to-action URL message. Header, body and footer are optional. */
@JsonbPropertyOrder({"type", "header", "body", "footer", "action"})
public record Interactive(String type, Header header, Body body, Footer footer, CtaAction action) {

  public static final String CTA_URL = "cta_url";
}
