package io.kaleyracta.connector.status;

import java.util.List;

/**
 * Watches the callback endpoint's answers, e.g. to count them as meters. Called on the request's thread after the
 * answer is decided; it must not throw and must not block.
 */
public interface CallbackObserver {

  CallbackObserver NONE = new CallbackObserver() {
  };

  /**
   * @param httpStatus what the endpoint answers: 200, 400, 401, 413 or 503
   * @param stored the statuses stored by this callback (empty unless 200)
   */
  default void answered(int httpStatus, List<StatusEvent> stored) {
  }

  /** Every observer in turn; one that throws does not keep the others from seeing the answer. */
  static CallbackObserver all(List<? extends CallbackObserver> observers) {
    if (observers.isEmpty()) {
      return NONE;
    }
    List<CallbackObserver> copy = List.copyOf(observers);
    return new CallbackObserver() {
      @Override
      public void answered(int httpStatus, List<StatusEvent> stored) {
        for (CallbackObserver observer : copy) {
          try {
            observer.answered(httpStatus, stored);
          } catch (RuntimeException ignored) {
            // an observer's failure must never change what Kaleyra is answered
          }
        }
      }
    };
  }
}
