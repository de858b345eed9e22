package io.kaleyracta.connector.metrics;

import io.kaleyracta.connector.observe.OutcomeKind;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The connector's meters in a Micrometer registry. Micrometer is an optional dependency: this class is only loaded
 * by a host that registers it (the Spring Boot starter does when a {@link MeterRegistry} exists).
 *
 * <p>Tags stay few and bounded: the outcome kind and Kaleyra's (or our) error code; never a phone number, a message
 * id or a ref.
 */
public final class MicrometerSendObserver implements SendObserver {

  public static final String SENDS = "kaleyra.whatsapp.sends";
  public static final String LATENCY = "kaleyra.whatsapp.send.latency";
  public static final String RETRIES = "kaleyra.whatsapp.retries";
  public static final String UNKNOWN_OUTCOMES = "kaleyra.whatsapp.unknown.outcomes";
  public static final String REPLAYS = "kaleyra.whatsapp.replays";

  /** The code tag of an accepted message, which has no error code. */
  public static final String NO_CODE = "none";

  private final MeterRegistry registry;

  public MicrometerSendObserver(MeterRegistry registry) {
    this.registry = registry;
    // visible from the start, so a dashboard and an alert on "increase" work before the first problem
    Counter.builder(UNKNOWN_OUTCOMES).description(unknownDescription()).register(registry);
  }

  @Override
  public void completed(SendOutcome outcome, Duration elapsed) {
    OutcomeKind kind = OutcomeKind.of(outcome);
    String code = outcome.errorCode() == null ? NO_CODE : outcome.errorCode();
    Counter.builder(SENDS)
        .description("WhatsApp CTA sends by outcome and code (after the in-call retries; replays not counted)")
        .tags("outcome", kind.tag(), "code", code)
        .register(registry)
        .increment();
    if (kind != OutcomeKind.INVALID_INPUT) { // nothing was sent: no latency to speak of
      Timer.builder(LATENCY)
          .description("Time of a WhatsApp CTA send from the task's call to Kaleyra's final answer, retries included")
          .tags("outcome", kind.tag())
          .publishPercentiles(0.5, 0.95, 0.99)
          .register(registry)
          .record(elapsed);
    }
    if (kind == OutcomeKind.UNKNOWN) {
      Counter.builder(UNKNOWN_OUTCOMES).description(unknownDescription()).register(registry).increment();
    }
  }

  @Override
  public void retrying(SendOutcome failedAttempt) {
    Counter.builder(RETRIES)
        .description("Attempts Kaleyra failed in a way that proves nothing was sent, tried again within the call")
        .tags("code", failedAttempt.errorCode())
        .register(registry)
        .increment();
  }

  @Override
  public void replayed(SendOutcome recorded) {
    Counter.builder(REPLAYS)
        .description("Job re-runs answered from the send ledger instead of sending the message again")
        .tags("outcome", OutcomeKind.of(recorded).tag())
        .register(registry)
        .increment();
  }

  private static String unknownDescription() {
    return "Sends whose outcome is unknown (KALEYRA_OUTCOME_UNKNOWN): the message may have reached the customer; "
        + "check Kaleyra's report before resending";
  }
}
