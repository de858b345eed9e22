package io.kaleyracta.connector.tracking;

import java.time.Instant;

/**
 * One tracked button link: where it leads and what is known of its taps. This is everything tap tracking stores:
 * no phone number, no IP address, no full user agent.
 *
 * @param id the random link id inside the token
 * @param originalUrl the analyst's button URL, redirected to byte for byte
 * @param createdAt when the link was made (just before the send)
 * @param messageId Kaleyra's message id once the send was accepted, else {@code null}
 * @param taps person taps so far (link previews and HEAD requests are not counted)
 * @param firstTapAt the first counted tap, or {@code null}
 * @param lastTapAt the latest counted tap, or {@code null}
 * @param firstTapAgent the kind of client of the first counted tap, or {@code null}
 */
public record TrackedLink(String id, String originalUrl, Instant createdAt, String messageId, int taps,
    Instant firstTapAt, Instant lastTapAt, UserAgentClass firstTapAgent) {

  public static TrackedLink created(String id, String originalUrl, Instant createdAt) {
    return new TrackedLink(id, originalUrl, createdAt, null, 0, null, null, null);
  }

  public TrackedLink withMessageId(String acceptedMessageId) {
    return new TrackedLink(id, originalUrl, createdAt, acceptedMessageId, taps, firstTapAt, lastTapAt, firstTapAgent);
  }

  public TrackedLink tapped(Instant at, UserAgentClass agent) {
    return taps == 0
        ? new TrackedLink(id, originalUrl, createdAt, messageId, 1, at, at, agent)
        : new TrackedLink(id, originalUrl, createdAt, messageId, taps + 1, firstTapAt, at, firstTapAgent);
  }

  /** The tap just recorded was the one that counts for the journey. */
  public boolean firstTap() {
    return taps == 1;
  }
}
