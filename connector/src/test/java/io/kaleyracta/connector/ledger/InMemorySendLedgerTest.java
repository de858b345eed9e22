package io.kaleyracta.connector.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class InMemorySendLedgerTest {

  private static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private static final Origin ORIGIN = new Origin("pi-1", "sendCta", "order-1", null, "job-1");

  private static Delivery delivery(String key) {
    return new Delivery(key, ORIGIN);
  }

  @Test
  void aSecondClaimOfTheSameDeliveryFindsTheFirstInFlight() {
    InMemorySendLedger ledger = new InMemorySendLedger();

    assertThat(ledger.claim(delivery("k1"))).isEmpty();
    LedgerEntry earlier = ledger.claim(delivery("k1")).orElseThrow();

    assertThat(earlier.state()).isEqualTo(LedgerEntry.State.IN_FLIGHT);
    assertThat(earlier.origin()).isEqualTo(ORIGIN);
    assertThat(earlier.startedAt()).isNotNull();
    assertThat(ledger.claim(delivery("k2"))).isEmpty();
  }

  @Test
  void remembersTheOutcomeAndFindsTheSenderByMessageId() {
    InMemorySendLedger ledger = new InMemorySendLedger();
    ledger.claim(delivery("k1"));
    ledger.complete("k1", Completion.accepted("SBX1"));
    ledger.claim(delivery("k2"));
    ledger.complete("k2", Completion.unknown("HTTP 502"));

    assertThat(ledger.claim(delivery("k1")).orElseThrow()).extracting(LedgerEntry::state, LedgerEntry::messageId)
        .containsExactly(LedgerEntry.State.ACCEPTED, "SBX1");
    assertThat(ledger.claim(delivery("k2")).orElseThrow()).extracting(LedgerEntry::state, LedgerEntry::error)
        .containsExactly(LedgerEntry.State.UNKNOWN, "HTTP 502");
    assertThat(ledger.findByMessageId("SBX1").orElseThrow().origin()).isEqualTo(ORIGIN);
    assertThat(ledger.findByMessageId("SBX2")).isEmpty();
  }

  @Test
  void aReleasedClaimCanBeClaimedAgainButACompletedOneIsKept() {
    InMemorySendLedger ledger = new InMemorySendLedger();
    ledger.claim(delivery("k1"));
    ledger.release("k1");
    assertThat(ledger.claim(delivery("k1"))).isEmpty();
    ledger.complete("k1", Completion.accepted("SBX1"));
    ledger.release("k1");
    assertThat(ledger.claim(delivery("k1"))).isPresent();
  }

  @Test
  void forgetsAfterTheRetention() {
    MovableClock clock = new MovableClock();
    InMemorySendLedger ledger = new InMemorySendLedger(10, Duration.ofHours(24), clock);
    ledger.claim(delivery("k"));

    clock.now = clock.now.plus(Duration.ofHours(23));
    assertThat(ledger.claim(delivery("k"))).isPresent();
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertThat(ledger.claim(delivery("k"))).isEmpty();
    assertThat(ledger.size()).isOne();
  }

  @Test
  void staysBoundedDroppingTheOldestFirst() {
    InMemorySendLedger ledger = new InMemorySendLedger(3, Duration.ofHours(24), Clock.systemUTC());
    for (int i = 1; i <= 5; i++) {
      ledger.claim(delivery("k" + i));
    }

    assertThat(ledger.size()).isEqualTo(3);
    assertThat(ledger.claim(delivery("k1"))).isEmpty();
    assertThat(ledger.claim(delivery("k5"))).isPresent();
  }
}
