package io.kaleyracta.connector.tracking;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TapStore} in this JVM's memory: bounded (the oldest links go first once full) and forgetting links after
 * the retention. It forgets on restart and is not shared by the nodes of a cluster, like the in-memory send ledger;
 * {@link #jvmWide()} is the one the class delegate and the redirect servlet share when nothing else is configured.
 */
public final class InMemoryTapStore implements TapStore {

  public static final int DEFAULT_CAPACITY = 100_000;
  private static final InMemoryTapStore JVM_WIDE = new InMemoryTapStore(DEFAULT_CAPACITY,
      Duration.ofDays(TrackingConfig.DEFAULT_RETENTION_DAYS), Clock.systemUTC());

  private final Duration retention;
  private final Clock clock;
  private final Map<String, TrackedLink> links;

  public InMemoryTapStore(int capacity, Duration retention, Clock clock) {
    this.retention = retention;
    this.clock = clock;
    this.links = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, TrackedLink> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The store shared by everything in this JVM that is not given another one. */
  public static InMemoryTapStore jvmWide() {
    return JVM_WIDE;
  }

  @Override
  public synchronized void register(TrackedLink link) {
    links.put(link.id(), link);
  }

  @Override
  public synchronized void messageAccepted(String linkId, String messageId) {
    live(linkId).ifPresent(link -> links.put(linkId, link.withMessageId(messageId)));
  }

  @Override
  public synchronized Optional<TrackedLink> find(String linkId) {
    return live(linkId);
  }

  @Override
  public synchronized Optional<TrackedLink> recordTap(String linkId, java.time.Instant at, UserAgentClass agent) {
    Optional<TrackedLink> tapped = live(linkId).map(link -> link.tapped(at, agent));
    tapped.ifPresent(link -> links.put(linkId, link));
    return tapped;
  }

  public synchronized int size() {
    return links.size();
  }

  private Optional<TrackedLink> live(String linkId) {
    TrackedLink link = links.get(linkId);
    if (link != null && link.createdAt().plus(retention).isBefore(clock.instant())) {
      links.remove(linkId);
      return Optional.empty();
    }
    return Optional.ofNullable(link);
  }
}
