package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.send.InMemorySendLedger;
import io.kaleyracta.connector.send.SendLedger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sender that {@code camunda:class} delegates share. The engine makes a delegate instance per execution, but the
 * REST client must be built once: it is kept here and rebuilt only when the configuration changes. A superseded
 * sender is not closed, because another thread may still be sending with it; its pooled connections go with it
 * to the garbage collector. The ledger lives as long as the class, across configuration changes.
 */
final class SharedSender {

  private static final SendLedger LEDGER = new InMemorySendLedger();
  private static volatile CtaSender current;

  private SharedSender() {
  }

  /** Reads MicroProfile Config (cheap) and returns the sender for it; a bad configuration fails here, unsent. */
  static CtaSender fromMicroProfileConfig() {
    return forConfig(KaleyraConfig.from(ConfigProvider.getConfig()));
  }

  static CtaSender forConfig(KaleyraConfig config) {
    CtaSender sender = current;
    if (sender != null && sender.config().equals(config)) {
      return sender;
    }
    synchronized (SharedSender.class) {
      if (current == null || !current.config().equals(config)) {
        current = new CtaSender(config, LEDGER);
      }
      return current;
    }
  }
}
