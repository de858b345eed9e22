package io.kaleyracta.connector.payload;

import io.kaleyracta.connector.input.HeaderType;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The header above the message text, in Meta's shape: {@code {"type":"text","text":…}} or, for media,
 * {@code {"type":"image","image":{"link":…}}} (likewise {@code video}, and {@code document} with an optional
 * {@code filename}). Exactly one of the last four components is set; JSON-B leaves the others out.
 */
@JsonbPropertyOrder({"type", "text", "image", "video", "document"})
public record Header(String type, String text, Media image, Media video, Media document) {

  public static Header text(String text) {
    return new Header(HeaderType.TEXT.value(), text, null, null, null);
  }

  /** A media header; {@code filename} is kept only for a document. */
  public static Header media(HeaderType type, String link, String filename) {
    return switch (type) {
      case IMAGE -> new Header(type.value(), null, new Media(link, null), null, null);
      case VIDEO -> new Header(type.value(), null, null, new Media(link, null), null);
      case DOCUMENT -> new Header(type.value(), null, null, null, new Media(link, filename));
      case TEXT -> throw new IllegalArgumentException("a text header has no media");
    };
  }

  /** Meta's media object as a header carries it: a public link, and a file name for documents. */
  @JsonbPropertyOrder({"link", "filename"})
  public record Media(String link, String filename) {
  }
}
