package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.send.InMemorySendLedger;
import io.kaleyracta.connector.send.SendLedger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sender that {@code camunda:class} delegates share. The engine makes a delegate instance per execution, but the
 * REST client must be built once: it is kept here and rebuilt only when the configuration changes. The ledger
 * lives as long as the class, across configuration changes.
 */
final class SharedSender {

  private static final SendLedger LEDGER = new InMemorySendLedger();
  private static CtaSender current;

  private SharedSender() {
  }

  /** Reads MicroProfile Config (cheap) and returns the sender for it; a bad configuration fails here, unsent. */
  static CtaSender fromMicroProfileConfig() {
    return forConfig(KaleyraConfig.from(ConfigProvider.getConfig()));
  }

  static synchronized CtaSender forConfig(KaleyraConfig config) {
    if (current == null || !current.config().equals(config)) {
      CtaSender previous = current;
      current = new CtaSender(config, LEDGER);
      if (previous != null) {
        previous.close();
      }
    }
    return current;
  }
}
