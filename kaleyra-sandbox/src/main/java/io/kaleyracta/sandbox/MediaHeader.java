package io.kaleyracta.sandbox;

/**
 * The media header of an accepted message, as Meta's {@code cta_url} message carries it: {@code type} is
 * {@code image}, {@code video} or {@code document}; {@code link} is the https URL WhatsApp would fetch;
 * {@code filename} is the document's file name, or {@code null}. A text header is {@link AcceptedMessage#headerText()}.
 */
public record MediaHeader(String type, String link, String filename) {
}
