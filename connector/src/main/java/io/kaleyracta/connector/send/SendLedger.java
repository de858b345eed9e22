package io.kaleyracta.connector.send;

import io.kaleyracta.connector.outcome.SendOutcome;
import java.util.Optional;

/**
 * Remembers the deliveries after which a second POST could reach the customer twice: those Kaleyra accepted and
 * those whose outcome is unknown. When the engine runs a job again (its transaction failed after the send), the
 * task replays the recorded outcome instead of sending: an accepted message restores its id, an unknown outcome
 * stays unknown (an operator checks Kaleyra's report, then restarts the task deliberately if needed).
 *
 * <p>The key names one run of one task in one job: see {@code DeliveryKey}. Implementations must be thread-safe.
 * The default, {@link InMemorySendLedger}, lives in the JVM: it forgets on restart and is not shared by the nodes
 * of a cluster; back it with a shared store when that matters.
 */
public interface SendLedger {

  /** The outcome recorded under the key, if any. */
  Optional<SendOutcome> find(String deliveryKey);

  /** Records an outcome for which {@link SendOutcome#mayHaveBeenSent()} holds. */
  void record(String deliveryKey, SendOutcome outcome);
}
