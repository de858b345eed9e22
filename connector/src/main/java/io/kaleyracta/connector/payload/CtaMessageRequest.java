package io.kaleyracta.connector.payload;

import io.kaleyracta.connector.input.CtaMessageInput;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of {@code POST /v2/{sid}/whatsapp/{phone_number}/messages}, mirroring Kaleyra's JSON field by field
 * and in the spec's order. Absent optional parts are {@code null} and JSON-B leaves them out (no nulls, no empty
 * objects).
 */
@JsonbPropertyOrder({"messagingObject", "extraInfo"})
public record CtaMessageRequest(
    @JsonbProperty("messaging_object") MessagingObject messagingObject,
    @JsonbProperty("extra_info") ExtraInfo extraInfo) {

  /** The mapping from the task's input to Kaleyra's payload: a pure function. */
  public static CtaMessageRequest from(CtaMessageInput input) {
    Interactive interactive = new Interactive(
        Interactive.CTA_URL,
        header(input),
        input.bodyText() == null ? null : new Body(input.bodyText()),
        input.footerText() == null ? null : new Footer(input.footerText()),
        CtaAction.openUrl(input.buttonText(), input.buttonUrl()));
    return new CtaMessageRequest(
        MessagingObject.interactive(input.recipient(), interactive),
        ExtraInfo.of(input.ref(), input.ref1(), input.ref2(), input.waSource()));
  }

  private static Header header(CtaMessageInput input) {
    if (input.headerType().isMedia()) {
      return Header.media(input.headerType(), input.headerMediaUrl(), input.headerDocumentFilename());
    }
    return input.headerText() == null ? null : Header.text(input.headerText());
  }
}
