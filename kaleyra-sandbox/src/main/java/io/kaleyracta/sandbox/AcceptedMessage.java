package io.kaleyracta.sandbox;

import java.time.Instant;

/**
 * A message the sandbox accepted (answered 202 for), as the customer would receive it. Optional fields
 * the request did not carry are {@code null}. {@code ref}, {@code ref1} and {@code ref2} are cut to 255
 * characters, as Kaleyra does. {@code mediaHeader} is the image, video or document above the text, or {@code null}.
 */
public record AcceptedMessage(String messageId, Instant acceptedAt, String businessNumber, String to,
                              String headerText, String bodyText, String footerText, String buttonText,
                              String buttonUrl, String ref, String ref1, String ref2, String waSource,
                              MediaHeader mediaHeader) {
}
