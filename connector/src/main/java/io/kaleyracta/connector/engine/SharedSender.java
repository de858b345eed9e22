package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.TapLinks;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The senders that {@code camunda:class} delegates and the CDI bean share. The engine makes a delegate instance per
 * execution, but a REST client must be built once: there is one sender per configuration, so two applications with
 * different {@code kaleyra.*} values that see this class each keep their own client instead of rebuilding it on every
 * send. A sender is never closed while in use; all of them are closed, with their connection pools, by
 * {@link #closeAll()}: when an engine with {@link KaleyraConnectorPlugin} closes, and when the CDI bean is destroyed
 * (the application stops or is undeployed). A task's tracked links go where its engine keeps them (see
 * {@code JobDelivery#tapStore}); {@link InMemoryTapStore#jvmWide()} only serves sends outside an engine.
 */
public final class SharedSender {

  private static final ConcurrentMap<Key, CtaSender> SENDERS = new ConcurrentHashMap<>();

  private record Key(KaleyraConfig config, TrackingConfig tracking) {
  }

  private SharedSender() {
  }

  /** Reads MicroProfile Config (cheap) and returns the sender for it; a bad configuration fails here, unsent. */
  static CtaSender fromMicroProfileConfig() {
    Config config = ConfigProvider.getConfig();
    return forConfig(KaleyraConfig.from(config),
        TrackingConfig.from(key -> config.getOptionalValue(key, String.class).orElse(null)));
  }

  /** The sender for a configuration without tap tracking. */
  static CtaSender forConfig(KaleyraConfig config) {
    return forConfig(config, TrackingConfig.from(key -> null));
  }

  static CtaSender forConfig(KaleyraConfig config, TrackingConfig tracking) {
    return SENDERS.computeIfAbsent(new Key(config, tracking), key -> new CtaSender(config, SendObserver.NONE,
        new TapLinks(tracking, InMemoryTapStore.jvmWide(), Clock.systemUTC())));
  }

  /** Closes every sender's REST client and connection pool; a later send builds a new one. */
  public static void closeAll() {
    for (Key key : List.copyOf(SENDERS.keySet())) {
      CtaSender sender = SENDERS.remove(key);
      if (sender != null) {
        sender.close();
      }
    }
  }
}
