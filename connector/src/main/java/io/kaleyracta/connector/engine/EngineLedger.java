package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.JdbcSendLedger;
import io.kaleyracta.connector.ledger.LedgerSettings;
import io.kaleyracta.connector.ledger.SendLedger;
import java.time.Clock;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The ledger of an engine, as {@value LedgerSettings#LEDGER} says (from MicroProfile Config, or from the host's
 * configuration given by {@link #useSettings}): by default the table in that engine's database
 * (created or checked when first asked for, see {@link EngineDatabase}); with {@code memory}, one map for this JVM.
 */
public final class EngineLedger {

  private static final SendLedger MEMORY = new InMemorySendLedger();
  private static final Map<ProcessEngineConfigurationImpl, SendLedger> DATABASE =
      Collections.synchronizedMap(new WeakHashMap<>());
  /** Settings a host gave for one engine, instead of MicroProfile Config's. */
  private static final Map<ProcessEngineConfigurationImpl, Function<String, String>> SETTINGS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private EngineLedger() {
  }

  public static SendLedger of(ProcessEngine engine) {
    return of(((ProcessEngineImpl) engine).getProcessEngineConfiguration());
  }

  /**
   * Reads this engine's {@value LedgerSettings#LEDGER} keys from the host's configuration instead of MicroProfile
   * Config: the Spring Boot starter hands over Spring's Environment, so {@code kaleyra.ledger} in application.yaml
   * counts like every other {@code kaleyra.*} key. The engine is typed {@code Object} because the starter holds no
   * engine type (one jar for Camunda 7, Operaton and CIB seven).
   *
   * @throws io.kaleyracta.connector.config.KaleyraConfigException when a value is invalid, naming the key
   */
  public static void useSettings(Object engine, Function<String, String> lookup) {
    LedgerSettings.from(lookup); // a bad value stops the host's start-up, not the first send
    SETTINGS.put(((ProcessEngineImpl) engine).getProcessEngineConfiguration(), lookup);
  }

  /** Where this engine's {@value LedgerSettings#LEDGER} keys are read: the host's configuration or MP Config. */
  public static Function<String, String> settings(ProcessEngineConfigurationImpl engine) {
    return SETTINGS.getOrDefault(engine,
        key -> ConfigProvider.getConfig().getOptionalValue(key, String.class).orElse(null));
  }

  /**
   * @throws io.kaleyracta.connector.ledger.ConnectorSchemaException when the table is missing and may not be created
   */
  public static SendLedger of(ProcessEngineConfigurationImpl engine) {
    LedgerSettings settings = LedgerSettings.from(settings(engine));
    if (settings.kind() == LedgerSettings.Kind.MEMORY) {
      return MEMORY;
    }
    synchronized (DATABASE) {
      SendLedger ledger = DATABASE.get(engine);
      if (ledger == null) {
        EngineDatabase database = EngineDatabase.withTables(engine);
        ledger = new JdbcSendLedger(database.dataSource(), database.outsideTransaction(), settings.retention(),
            Clock.systemUTC());
        DATABASE.put(engine, ledger);
      }
      return ledger;
    }
  }
}
