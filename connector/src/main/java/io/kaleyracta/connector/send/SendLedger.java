package io.kaleyracta.connector.send;

import java.util.Optional;

/**
 * Remembers which deliveries Kaleyra already accepted, so that a job the engine runs again (its transaction
 * failed after the 202) restores the message id instead of sending a second message.
 *
 * <p>The key names one delivery attempt of one task: see {@code DeliveryKey}. Implementations must be
 * thread-safe. The default, {@link InMemorySendLedger}, lives in the JVM: it forgets on restart and is not shared
 * by the nodes of a cluster; back it with a shared store when that matters.
 */
public interface SendLedger {

  /** The accepted delivery recorded under the key, if any. */
  Optional<Delivery> find(String deliveryKey);

  /** Records that Kaleyra accepted the delivery; {@code messageId} may be null (unreadable 202). */
  void recordAccepted(String deliveryKey, String messageId);

  /** An accepted delivery. */
  record Delivery(String messageId) {
  }
}
