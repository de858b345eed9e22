package io.kaleyracta.connector.input;

import java.util.Optional;

/**
 * What sits above the message text, as Meta's {@code cta_url} message defines it: a bold text line, or a picture,
 * a video or a document that WhatsApp fetches from a public https link. Kaleyra's page names the same four types
 * but documents only text; the media shapes follow Meta's specification (see the README).
 */
public enum HeaderType {
  TEXT("text"),
  IMAGE("image"),
  VIDEO("video"),
  DOCUMENT("document");

  private final String value;

  HeaderType(String value) {
    this.value = value;
  }

  /** The {@code headerType} input's value and Meta's {@code header.type}. */
  public String value() {
    return value;
  }

  public boolean isMedia() {
    return this != TEXT;
  }

  public static Optional<HeaderType> of(String value) {
    for (HeaderType type : values()) {
      if (type.value.equals(value)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
