package io.kaleyracta.connector.payload;

/** The message body text. */
public record Body(String text) {
}
