package io.kaleyracta.connector.tracking;

/**
 * Tells the journey that a message's button was tapped: records {@code TAPPED} for the link's message where the
 * process waits for statuses. Called off the request thread by {@link TapCorrelation}, again and again until it
 * answers {@link Result#CORRELATED} or {@link Result#PROCESS_ENDED}; an exception counts as "try again later".
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

  /** @param link a link whose first tap was just counted and whose {@code messageId} is known */
  Result correlate(TrackedLink link);
}
