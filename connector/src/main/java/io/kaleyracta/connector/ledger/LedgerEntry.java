package io.kaleyracta.connector.ledger;

import java.time.Instant;

/**
 * A delivery as the ledger holds it.
 *
 * @param startedAt when the claim was made, just before the first request left
 * @param completedAt when the outcome was recorded; {@code null} while in flight
 * @param node the node that claimed it (host and process id), to tell an operator where to look
 */
public record LedgerEntry(String key, State state, Instant startedAt, Instant completedAt, String node,
    Origin origin, String messageId, String error) {

  public enum State {
    /** Claimed, no outcome recorded: the request may be out, or the node stopped while sending. */
    IN_FLIGHT,
    /** Kaleyra accepted the message. */
    ACCEPTED,
    /** The request went out but no answer could be read: the message may have reached the customer. */
    UNKNOWN
  }

  LedgerEntry completed(Completion completion, Instant at) {
    return new LedgerEntry(key, completion.accepted() ? State.ACCEPTED : State.UNKNOWN, startedAt, at, node, origin,
        completion.messageId(), completion.error());
  }
}
