package io.kaleyracta.spring.actuate;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.observe.OutcomeKind;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.outcome.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;

/**
 * {@code /actuator/health/kaleyra}. Kaleyra has no ping endpoint and a test message would reach a phone, so this
 * never calls Kaleyra: it reports the (validated) configuration and watches the real sends. {@code UP} until a
 * send ends unavailable ({@code KALEYRA_UNAVAILABLE}) or unknown ({@code KALEYRA_OUTCOME_UNKNOWN}); then
 * {@value #WARNING_CODE} for {@code window} after the last such send.
 *
 * <p>{@value #WARNING_CODE} is not in Spring Boot's default status order, so the application's overall health
 * stays {@code UP} (an outage at Kaleyra is no reason to restart this application); add it to
 * {@code management.endpoint.health.status.order} to let it show in the aggregate.
 */
public class KaleyraHealthIndicator implements HealthIndicator, SendObserver {

  public static final String WARNING_CODE = "WARNING";
  public static final Status WARNING = new Status(WARNING_CODE,
      "Recent sends could not reach Kaleyra or got no readable answer");

  /** Problems kept for the details; older ones only count through the window. */
  private static final int KEPT = 100;

  private final KaleyraConfig config;
  private final Duration window;
  private final Clock clock;
  private final Deque<Problem> problems = new ArrayDeque<>();

  public KaleyraHealthIndicator(KaleyraConfig config, Duration window, Clock clock) {
    this.config = config;
    this.window = window;
    this.clock = clock;
  }

  @Override
  public void completed(SendOutcome outcome, Duration elapsed) {
    OutcomeKind kind = OutcomeKind.of(outcome);
    if (kind == OutcomeKind.UNAVAILABLE || kind == OutcomeKind.UNKNOWN) {
      synchronized (problems) {
        problems.addLast(new Problem(kind, clock.instant()));
        if (problems.size() > KEPT) {
          problems.removeFirst();
        }
      }
    }
  }

  @Override
  public Health health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("configuration", "valid");
    details.put("baseUrl", config.baseUri().toString());
    details.put("window", window.toString());
    Instant since = clock.instant().minus(window);
    long unavailable = 0;
    long unknown = 0;
    Instant last = null;
    synchronized (problems) {
      problems.removeIf(p -> p.at().isBefore(since));
      for (Problem p : problems) {
        if (p.kind() == OutcomeKind.UNAVAILABLE) {
          unavailable++;
        } else {
          unknown++;
        }
        last = p.at();
      }
    }
    if (last == null) {
      return Health.up().withDetails(details).build();
    }
    details.put("recentUnavailable", unavailable);
    details.put("recentUnknown", unknown);
    details.put("lastProblemAt", last.toString());
    return Health.status(WARNING).withDetails(details).build();
  }

  private record Problem(OutcomeKind kind, Instant at) {
  }
}
