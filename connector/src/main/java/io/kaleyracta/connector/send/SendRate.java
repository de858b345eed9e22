package io.kaleyracta.connector.send;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Spaces the requests of each business number evenly, at most {@code kaleyra.rate.per-second} a second across all
 * threads of this connector. WhatsApp lets a number send 80 messages a second by default; beyond its tier Meta
 * refuses with error 130429, which Kaleyra reports only later. Each request (a retry too) takes the next free slot
 * of its number and waits for it; an idle number starts at once, with no burst saved up. The limit is per JVM: on a
 * cluster, divide the number's rate among the nodes.
 */
final class SendRate {

  /** Waits a number of nanoseconds; the real one sleeps. */
  interface Sleeper {
    void sleep(long nanos) throws InterruptedException;
  }

  private final long intervalNanos;
  private final LongSupplier clock;
  private final Sleeper sleeper;
  private final Map<String, AtomicLong> nextSlot = new ConcurrentHashMap<>();

  SendRate(int perSecond) {
    this(perSecond, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
  }

  SendRate(int perSecond, LongSupplier clock, Sleeper sleeper) {
    this.intervalNanos = perSecond <= 0 ? 0 : 1_000_000_000L / perSecond;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** Returns when the business number may send again; at once when no rate is configured. */
  void awaitTurn(String businessNumber) throws InterruptedException {
    if (intervalNanos == 0) {
      return;
    }
    long now = clock.getAsLong();
    AtomicLong next = nextSlot.computeIfAbsent(businessNumber, number -> new AtomicLong(now));
    // my slot is the later of now and the next free one; the one after it is an interval later
    long previous = next.getAndAccumulate(now, (free, time) -> Math.max(free, time) + intervalNanos);
    long wait = Math.max(previous, now) - now;
    if (wait > 0) {
      sleeper.sleep(wait);
    }
  }
}
