package io.kaleyracta.connector.ledger;

/**
 * The ledger could not record a claim, so nothing was sent. Thrown through the task: the job fails, the engine
 * retries it, and after the last retry the message stays in an incident (never a silent end, never a blind send).
 */
public class LedgerUnavailableException extends RuntimeException {

  public LedgerUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
