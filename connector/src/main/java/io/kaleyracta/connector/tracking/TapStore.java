package io.kaleyracta.connector.tracking;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps tracked links server-side: the token only carries the link id, the original URL lives here. Implementations
 * must be thread-safe and count taps atomically, so that of two taps at the same moment exactly one is the first.
 */
public interface TapStore {

  /** Stores a new link before the message that carries it is sent. */
  void register(TrackedLink link);

  /** Kaleyra accepted the message carrying the link: the tap can now be told to the journey. */
  void messageAccepted(String linkId, String messageId);

  Optional<TrackedLink> find(String linkId);

  /** Counts a person's tap; the link as it is after this tap, or empty when the link is unknown (or expired). */
  Optional<TrackedLink> recordTap(String linkId, Instant at, UserAgentClass agent);
}
