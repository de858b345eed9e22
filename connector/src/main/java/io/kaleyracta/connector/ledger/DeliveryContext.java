package io.kaleyracta.connector.ledger;

import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapStore;
import io.kaleyracta.connector.tracking.TrackingConfig;

/**
 * What the host (the engine adapter) tells the send path about the message it is about to send: which ledger to use,
 * how to name the message, and where it comes from.
 */
public interface DeliveryContext {

  SendLedger ledger();

  /**
   * The key of the message with this content: the same content sent from the same place (the same occurrence in the
   * same job and activity) again gives the same key, so a re-run finds its own earlier claim.
   *
   * @param fingerprint {@link Fingerprint} of the business number and the request body
   */
  String deliveryKey(String fingerprint);

  Origin origin();

  /**
   * Where a tracked button link of this message is kept ("Track taps"); by default this JVM's memory.
   *
   * @param tracking the sender's tracking configuration (its retention)
   */
  default TapStore tapStore(TrackingConfig tracking) {
    return InMemoryTapStore.jvmWide();
  }
}
