package io.kaleyracta.connector.send;

import io.kaleyracta.connector.outcome.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The default {@link SendLedger}: a bounded map in this JVM. Entries expire after a day (a job is retried within
 * minutes or hours) and the oldest go first once the map is full, so memory stays bounded under any load.
 */
public final class InMemorySendLedger implements SendLedger {

  public static final int DEFAULT_CAPACITY = 100_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final int capacity;
  private final Duration retention;
  private final Clock clock;
  private final Map<String, Recorded> entries;

  public InMemorySendLedger() {
    this(DEFAULT_CAPACITY, DEFAULT_RETENTION, Clock.systemUTC());
  }

  public InMemorySendLedger(int capacity, Duration retention, Clock clock) {
    this.capacity = capacity;
    this.retention = retention;
    this.clock = clock;
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Recorded> eldest) {
        return size() > InMemorySendLedger.this.capacity;
      }
    };
  }

  @Override
  public synchronized Optional<SendOutcome> find(String deliveryKey) {
    Recorded entry = entries.get(deliveryKey);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.recordedAt().plus(retention).isBefore(clock.instant())) {
      entries.remove(deliveryKey);
      return Optional.empty();
    }
    return Optional.of(entry.outcome());
  }

  @Override
  public synchronized void record(String deliveryKey, SendOutcome outcome) {
    entries.put(deliveryKey, new Recorded(outcome, clock.instant()));
  }

  public synchronized int size() {
    return entries.size();
  }

  /** Not named Entry: inside the map's subclass that name means LinkedHashMap.Entry on newer javac. */
  private record Recorded(SendOutcome outcome, Instant recordedAt) {
  }
}
