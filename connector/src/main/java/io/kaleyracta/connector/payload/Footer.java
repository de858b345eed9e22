package io.kaleyracta.connector.payload;

/** The small grey footer text. */
public record Footer(String text) {
}
