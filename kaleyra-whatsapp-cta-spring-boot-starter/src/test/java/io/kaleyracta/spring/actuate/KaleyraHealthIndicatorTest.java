package io.kaleyracta.spring.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Status;

/** The indicator's window: a warning fades once no unavailable or unknown send happened for that long. */
class KaleyraHealthIndicatorTest {

  private Instant now = Instant.parse("2026-01-05T09:00:00Z");
  private final Clock clock = new Clock() {
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
  };

  private final KaleyraConfig config = KaleyraConfig.from(Map.of("kaleyra.sid", "HXSID", "kaleyra.api-key", "k")::get);
  private final KaleyraHealthIndicator health = new KaleyraHealthIndicator(config, Duration.ofMinutes(15), clock);

  @Test
  void acceptedAndRejectedSendsKeepItUp() {
    health.completed(new SendOutcome.Accepted("id-1"), Duration.ofMillis(80));
    health.completed(new SendOutcome.Rejected("E110", "low balance", 400), Duration.ofMillis(80));
    health.completed(new SendOutcome.InvalidInput("buttonText too long"), Duration.ZERO);

    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    assertThat(health.health().getDetails()).containsEntry("baseUrl", "https://api.in.kaleyra.io");
  }

  @Test
  void unknownOutcomeWarnsForTheWindowThenFades() {
    health.completed(new SendOutcome.Unconfirmed("HTML 502"), Duration.ofMillis(80));
    now = now.plus(Duration.ofMinutes(14));
    health.completed(new SendOutcome.Unavailable("refused"), Duration.ofMillis(3));

    assertThat(health.health().getStatus()).isEqualTo(KaleyraHealthIndicator.WARNING);
    assertThat(health.health().getDetails()).containsEntry("recentUnknown", 1L).containsEntry("recentUnavailable", 1L)
        .containsEntry("lastProblemAt", "2026-01-05T09:14:00Z");

    now = now.plus(Duration.ofMinutes(2)); // the unknown one is 16 minutes old
    assertThat(health.health().getDetails()).containsEntry("recentUnknown", 0L).containsEntry("recentUnavailable", 1L);

    now = now.plus(Duration.ofMinutes(14));
    assertThat(health.health().getStatus()).isEqualTo(Status.UP);
  }
}
