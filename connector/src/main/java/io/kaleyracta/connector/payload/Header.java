package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A text header (the only header type this connector sends). */
@JsonbPropertyOrder({"type", "text"})
public record Header(String type, String text) {

  public static Header text(String text) {
    return new Header("text", text);
  }
}
