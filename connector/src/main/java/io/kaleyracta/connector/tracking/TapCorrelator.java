package io.kaleyracta.connector.tracking;

/**
 * Tells the journey that a message's button was tapped: {@link #record} stores {@code TAPPED} for the link's message
 * before the customer's redirect is answered, {@link #correlate} ends the waits it satisfies after it. {@code
 * correlate} runs off the request thread in {@link TapCorrelation}, again and again until it answers
 * {@link Result#CORRELATED} or {@link Result#PROCESS_ENDED}; an exception counts as "try again later".
 */
@FunctionalInterface
public interface TapCorrelator {

  enum Result {
    /** The tap is where the journey will see it. */
    CORRELATED,
    /** Not possible yet (the engine is busy, the send has not committed): try again later. */
    NOT_YET,
    /** The process that sent the message has ended: nobody waits, stop trying. */
    PROCESS_ENDED
  }

  /**
   * Nobody waits for taps in this host (no status wait installed): the tap is recorded in the store and that is
   * all.
   */
  TapCorrelator NONE = link -> Result.CORRELATED;

  /**
   * Stores the first tap durably where the journey will find it (the status inbox), on the request thread before
   * the redirect is answered: quick, one small write, no engine command. By default nothing. An exception is logged
   * and left to {@link #correlate}, which is retried.
   *
   * @param link a link whose first tap was just counted and whose {@code messageId} is known
   */
  default void record(TrackedLink link) {
  }

  /** @param link a link whose first tap was just counted and whose {@code messageId} is known */
  Result correlate(TrackedLink link);
}
