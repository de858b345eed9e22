package io.kaleyracta.connector.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The ledger of {@code kaleyra.ledger=memory}: a bounded map in this JVM. It forgets on restart and is not shared by
 * the nodes of a cluster, so it protects only against a job re-run in the same JVM (a failed transaction after the
 * send). Entries expire after the retention and the oldest go first once the map is full, so memory stays bounded.
 */
public final class InMemorySendLedger implements SendLedger {

  public static final int DEFAULT_CAPACITY = 100_000;
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final int capacity;
  private final Duration retention;
  private final Clock clock;
  private final String node;
  private final Map<String, LedgerEntry> entries;

  public InMemorySendLedger() {
    this(DEFAULT_CAPACITY, DEFAULT_RETENTION, Clock.systemUTC());
  }

  public InMemorySendLedger(int capacity, Duration retention, Clock clock) {
    this.capacity = capacity;
    this.retention = retention;
    this.clock = clock;
    this.node = Nodes.thisNode();
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, LedgerEntry> eldest) {
        return size() > InMemorySendLedger.this.capacity;
      }
    };
  }

  @Override
  public synchronized Optional<LedgerEntry> claim(Delivery delivery) {
    Instant now = clock.instant();
    LedgerEntry earlier = entries.get(delivery.key());
    if (earlier != null && !earlier.startedAt().plus(retention).isBefore(now)) {
      return Optional.of(earlier);
    }
    entries.remove(delivery.key()); // an expired entry goes to the end of the order again
    entries.put(delivery.key(), new LedgerEntry(delivery.key(), LedgerEntry.State.IN_FLIGHT, now, null, node,
        delivery.origin(), null, null));
    return Optional.empty();
  }

  @Override
  public synchronized void complete(String deliveryKey, Completion completion) {
    entries.computeIfPresent(deliveryKey, (key, entry) -> entry.completed(completion, clock.instant()));
  }

  @Override
  public synchronized void release(String deliveryKey) {
    entries.computeIfPresent(deliveryKey,
        (key, entry) -> entry.state() == LedgerEntry.State.IN_FLIGHT ? null : entry);
  }

  @Override
  public synchronized Optional<LedgerEntry> findByMessageId(String messageId) {
    return entries.values().stream().filter(entry -> messageId.equals(entry.messageId())).findFirst();
  }

  @Override
  public synchronized int purgeStartedBefore(Instant cutoff) {
    int before = entries.size();
    entries.values().removeIf(entry -> entry.startedAt().isBefore(cutoff));
    return before - entries.size();
  }

  public synchronized int size() {
    return entries.size();
  }
}
