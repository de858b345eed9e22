package io.kaleyracta.connector.ledger;

import java.time.Instant;
import java.util.Optional;

/**
 * Exactly once for a message Kaleyra cannot deduplicate: claim the delivery (committed), send, then complete it.
 *
 * <ul>
 *   <li>{@link #claim} records the delivery as {@linkplain LedgerEntry.State#IN_FLIGHT in flight} before the request
 *       leaves, atomically: of two runs of the same delivery at once, exactly one gets the claim.
 *   <li>{@link #complete} records the outcome after a request that may have reached the customer (accepted, or no
 *       readable answer); {@link #release} forgets a claim whose request provably never reached Kaleyra, so a
 *       later run may send.
 *   <li>A run that finds an earlier entry does not send: an accepted entry gives back its message id, anything
 *       else is an unknown outcome for a person to settle.
 * </ul>
 *
 * <p>Every write is committed on its own, independently of the caller's (the job's) transaction: a rolled-back job
 * leaves its claim behind, which is the point. Implementations are thread-safe and contain no engine code.
 */
public interface SendLedger {

  /**
   * Claims the delivery for this run.
   *
   * @return empty when this run now owns the delivery and may send; otherwise the earlier entry, and nothing may be
   *     sent
   * @throws LedgerUnavailableException when the claim could not be recorded (then nothing may be sent either)
   */
  Optional<LedgerEntry> claim(Delivery delivery);

  /** Records the outcome of a claimed delivery whose request may have reached the customer. */
  void complete(String deliveryKey, Completion completion);

  /** Forgets a claim whose request never reached Kaleyra (rejected, unreachable): the next run sends. */
  void release(String deliveryKey);

  /** The delivery Kaleyra accepted with this message id: who sent it, for status callbacks. */
  Optional<LedgerEntry> findByMessageId(String messageId);

  /** Deletes the entries whose delivery started before the cutoff; returns how many. */
  int purgeStartedBefore(Instant cutoff);
}
