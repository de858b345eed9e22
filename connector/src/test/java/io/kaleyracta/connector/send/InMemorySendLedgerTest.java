package io.kaleyracta.connector.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.outcome.SendOutcome;
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

  @Test
  void remembersWhatMayHaveBeenSent() {
    InMemorySendLedger ledger = new InMemorySendLedger();
    ledger.record("engine/job-1/sendCta#1", new SendOutcome.Accepted("SBX1"));
    ledger.record("engine/job-2/sendCta#1", new SendOutcome.Accepted(null));
    ledger.record("engine/job-3/sendCta#1", new SendOutcome.Unconfirmed("HTTP 502"));

    assertThat(ledger.find("engine/job-1/sendCta#1")).contains(new SendOutcome.Accepted("SBX1"));
    assertThat(ledger.find("engine/job-2/sendCta#1")).contains(new SendOutcome.Accepted(null));
    assertThat(ledger.find("engine/job-3/sendCta#1")).contains(new SendOutcome.Unconfirmed("HTTP 502"));
    assertThat(ledger.find("engine/job-1/sendCta#2")).isEmpty();
  }

  @Test
  void forgetsAfterTheRetention() {
    MovableClock clock = new MovableClock();
    InMemorySendLedger ledger = new InMemorySendLedger(10, Duration.ofHours(24), clock);
    ledger.record("k", new SendOutcome.Accepted("SBX1"));

    clock.now = clock.now.plus(Duration.ofHours(23));
    assertThat(ledger.find("k")).isPresent();
    clock.now = clock.now.plus(Duration.ofHours(2));
    assertThat(ledger.find("k")).isEmpty();
    assertThat(ledger.size()).isZero();
  }

  @Test
  void staysBoundedDroppingTheOldestFirst() {
    InMemorySendLedger ledger = new InMemorySendLedger(3, Duration.ofHours(24), Clock.systemUTC());
    for (int i = 1; i <= 5; i++) {
      ledger.record("k" + i, new SendOutcome.Accepted("id" + i));
    }

    assertThat(ledger.size()).isEqualTo(3);
    assertThat(ledger.find("k1")).isEmpty();
    assertThat(ledger.find("k2")).isEmpty();
    assertThat(ledger.find("k5")).contains(new SendOutcome.Accepted("id5"));
  }
}
