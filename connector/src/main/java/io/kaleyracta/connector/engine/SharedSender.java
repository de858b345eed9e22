package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.send.InMemorySendLedger;
import io.kaleyracta.connector.send.SendLedger;
import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapLinks;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The sender that {@code camunda:class} delegates share. The engine makes a delegate instance per execution, but the
 * REST client must be built once: it is kept here and rebuilt only when the configuration changes. A superseded
 * sender is not closed, because another thread may still be sending with it; its pooled connections go with it
 * to the garbage collector. The ledger lives as long as the class, across configuration changes; tracked links live
 * in {@link InMemoryTapStore#jvmWide()}, which the tap redirect servlet reads too.
 */
final class SharedSender {

  private static final SendLedger LEDGER = new InMemorySendLedger();
  private static volatile CtaSender current;

  private SharedSender() {
  }

  /** Reads MicroProfile Config (cheap) and returns the sender for it; a bad configuration fails here, unsent. */
  static CtaSender fromMicroProfileConfig() {
    Config config = ConfigProvider.getConfig();
    return forConfig(KaleyraConfig.from(config),
        TrackingConfig.from(key -> config.getOptionalValue(key, String.class).orElse(null)));
  }

  static CtaSender forConfig(KaleyraConfig config, TrackingConfig tracking) {
    CtaSender sender = current;
    if (sender != null && sender.config().equals(config) && sender.trackingConfig().equals(tracking)) {
      return sender;
    }
    synchronized (SharedSender.class) {
      if (current == null || !current.config().equals(config) || !current.trackingConfig().equals(tracking)) {
        current = new CtaSender(config, LEDGER, SendObserver.NONE,
            new TapLinks(tracking, InMemoryTapStore.jvmWide(), Clock.systemUTC()));
      }
      return current;
    }
  }
}
