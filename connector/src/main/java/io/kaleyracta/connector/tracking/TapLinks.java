package io.kaleyracta.connector.tracking;

import java.time.Clock;

/**
 * The send path's side of tap tracking: before a tracked message goes out, store the analyst's URL under a fresh
 * link id and give the button the signed tracking link instead; once Kaleyra accepts it, note the message id, so
 * that a tap can be told to the journey.
 */
public final class TapLinks {

  /** The longest button URL a tracked link keeps (the column {@code ORIGINAL_URL_} of {@code KCTA_TAP_LINK}). */
  public static final int MAX_URL_LENGTH = 2000;

  /** A link made for one send: its id in the store and the URL the button gets. */
  public record Link(String id, String trackedUrl) {
  }

  private final TrackingConfig config;
  private final TapToken tokens;
  private final TapStore store;
  private final Clock clock;

  public TapLinks(TrackingConfig config, TapStore store, Clock clock) {
    this.config = config;
    this.tokens = config.usable() ? new TapToken(config.key()) : null;
    this.store = store;
    this.clock = clock;
  }

  /** Tracking without configuration: {@link #usable()} is false and the problem names the missing keys. */
  public static TapLinks notConfigured() {
    return new TapLinks(TrackingConfig.from(key -> null), InMemoryTapStore.jvmWide(), Clock.systemUTC());
  }

  /** The same configuration with links kept in another store (the engine's database of the task that sends). */
  public TapLinks withStore(TapStore other) {
    return other == store ? this : new TapLinks(config, other, clock);
  }

  public TrackingConfig config() {
    return config;
  }

  /** Whether {@link #create} can be called; otherwise {@code config().problem()} says what is missing. */
  public boolean usable() {
    return tokens != null;
  }

  /** Stores the original URL and returns the tracking link for the button. */
  public Link create(String originalUrl) {
    if (tokens == null) {
      throw new IllegalStateException(config.problem());
    }
    String id = TapToken.newLinkId();
    store.register(TrackedLink.created(id, originalUrl, clock.instant()));
    return new Link(id, config.linkFor(tokens.sign(id)));
  }

  public void accepted(Link link, String messageId) {
    store.messageAccepted(link.id(), messageId);
  }
}
