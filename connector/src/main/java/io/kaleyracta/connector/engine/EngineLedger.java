package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.JdbcSendLedger;
import io.kaleyracta.connector.ledger.LedgerSettings;
import io.kaleyracta.connector.ledger.SendLedger;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ledger of an engine, as {@value LedgerSettings#LEDGER} says: by default the table in that engine's database
 * (created or checked when first asked for, see {@link EngineDatabase}); with {@code memory}, one map for this JVM.
 */
public final class EngineLedger {

  private static final SendLedger MEMORY = new InMemorySendLedger();
  private static final Map<ProcessEngineConfigurationImpl, SendLedger> DATABASE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private EngineLedger() {
  }

  public static SendLedger of(ProcessEngine engine) {
    return of(((ProcessEngineImpl) engine).getProcessEngineConfiguration());
  }

  /**
   * @throws io.kaleyracta.connector.ledger.ConnectorSchemaException when the table is missing and may not be created
   */
  public static SendLedger of(ProcessEngineConfigurationImpl engine) {
    LedgerSettings settings = LedgerSettings.from(
        key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null));
    if (settings.kind() == LedgerSettings.Kind.MEMORY) {
      return MEMORY;
    }
    synchronized (DATABASE) {
      SendLedger ledger = DATABASE.get(engine);
      if (ledger == null) {
        EngineDatabase database = EngineDatabase.of(engine);
        database.schema().ensure(database.mayCreateTables());
        ledger = new JdbcSendLedger(database.dataSource(), database.outsideTransaction(), settings.retention(),
            Clock.systemUTC());
        DATABASE.put(engine, ledger);
      }
      return ledger;
    }
  }
}
