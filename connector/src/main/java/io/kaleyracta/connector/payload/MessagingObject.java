package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Meta's message object inside Kaleyra's request. */
@JsonbPropertyOrder({"messagingProduct", "recipientType", "to", "type", "interactive"})
public record MessagingObject(
    @JsonbProperty("messaging_product") String messagingProduct,
    @JsonbProperty("recipient_type") String recipientType,
    String to,
    String type,
    Interactive interactive) {

  /** {@code type} defaults to text when omitted, so it is always sent. */
  public static MessagingObject interactive(String to, Interactive interactive) {
    return new MessagingObject("whatsapp", "individual", to, "interactive", interactive);
  }
}
