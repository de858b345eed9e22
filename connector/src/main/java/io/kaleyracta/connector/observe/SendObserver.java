package io.kaleyracta.connector.observe;

import io.kaleyracta.connector.outcome.SendOutcome;
import java.time.Duration;
import java.util.List;

/**
 * Is told what the send path did, for metrics and health; never changes it. Called on the sending thread, so an
 * implementation must be quick, thread-safe and must not throw. The connector itself only knows this interface:
 * Micrometer ({@code metrics.MicrometerSendObserver}) and Spring Boot's health plug in from outside.
 */
public interface SendObserver {

  /** Observes nothing: the default of a sender that nobody watches. */
  SendObserver NONE = new SendObserver() {
  };

  /**
   * One send ended with this outcome: rejected input (nothing sent), or Kaleyra's final answer after the retries.
   *
   * @param elapsed from the start of the send to its outcome, retries and pauses included
   */
  default void completed(SendOutcome outcome, Duration elapsed) {
  }

  /** An attempt failed in a way that proves nothing was sent ({@code WA500}, no connection): it is tried again. */
  default void retrying(SendOutcome failedAttempt) {
  }

  /** A re-run of a job was answered from the ledger with the recorded outcome: Kaleyra was not called. */
  default void replayed(SendOutcome recorded) {
  }

  /** Tells each of {@code observers}, in order. */
  static SendObserver all(List<? extends SendObserver> observers) {
    List<SendObserver> copy = List.copyOf(observers);
    if (copy.isEmpty()) {
      return NONE;
    }
    if (copy.size() == 1) {
      return copy.get(0);
    }
    return new SendObserver() {
      @Override
      public void completed(SendOutcome outcome, Duration elapsed) {
        copy.forEach(o -> o.completed(outcome, elapsed));
      }

      @Override
      public void retrying(SendOutcome failedAttempt) {
        copy.forEach(o -> o.retrying(failedAttempt));
      }

      @Override
      public void replayed(SendOutcome recorded) {
        copy.forEach(o -> o.replayed(recorded));
      }
    };
  }
}
