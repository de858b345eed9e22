package io.kaleyracta.connector.tracking.engine;

import io.kaleyracta.connector.engine.EngineDatabase;
import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.ledger.LedgerSettings;
import io.kaleyracta.connector.tracking.InMemoryTapStore;
import io.kaleyracta.connector.tracking.JdbcTapStore;
import io.kaleyracta.connector.tracking.TapStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The tracked links of an engine, kept where its send ledger is ({@value LedgerSettings#LEDGER}, read like the
 * ledger reads it): by default the table {@code KCTA_TAP_LINK} in the engine's database, created or checked with the
 * connector's other tables, so every node answers every tap and a link works after a restart; with {@code memory},
 * {@link InMemoryTapStore#jvmWide()}. The send task and the redirect endpoint both ask here, so they share one store.
 */
public final class EngineTapStore {

  private static final Map<ProcessEngineConfigurationImpl, TapStore> DATABASE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private EngineTapStore() {
  }

  /**
   * @param retention how long links are kept ({@code kaleyra.tracking.retention-days}); the first caller's value
   *     holds for the engine's lifetime
   * @throws io.kaleyracta.connector.ledger.ConnectorSchemaException when the table is missing and may not be created
   */
  public static TapStore of(ProcessEngineConfigurationImpl engine, Duration retention) {
    return of(engine, retention, EngineLedger.settings(engine)); // kept where the send ledger is kept
  }

  static TapStore of(ProcessEngineConfigurationImpl engine, Duration retention, Function<String, String> config) {
    if (LedgerSettings.from(config).kind() == LedgerSettings.Kind.MEMORY) {
      return InMemoryTapStore.jvmWide();
    }
    synchronized (DATABASE) {
      TapStore store = DATABASE.get(engine);
      if (store == null) {
        EngineDatabase database = EngineDatabase.withTables(engine);
        store = new JdbcTapStore(database.dataSource(), database.outsideTransaction(), retention, Clock.systemUTC());
        DATABASE.put(engine, store);
      }
      return store;
    }
  }
}
