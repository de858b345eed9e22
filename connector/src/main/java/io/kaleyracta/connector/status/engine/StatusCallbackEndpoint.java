package io.kaleyracta.connector.status.engine;

import io.kaleyracta.connector.status.CallbackCredentials;
import io.kaleyracta.connector.status.JdbcStatusInbox;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.StatusReceiver;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Wires the callback endpoint to an engine: credentials from configuration, the status inbox in the engine's
 * database, waits ended by {@link StatusCorrelator}. Hosts put the returned receiver behind their HTTP adapter
 * (e.g. {@code new StatusCallbackServlet(StatusCallbackEndpoint.forEngine(engine, config))}).
 */
public final class StatusCallbackEndpoint {

  private StatusCallbackEndpoint() {
  }

  public static StatusReceiver forEngine(ProcessEngine engine, Function<String, String> config) {
    ProcessEngineConfigurationImpl configuration = configuration(engine);
    StatusInbox inbox = inbox(configuration);
    return new StatusReceiver(CallbackCredentials.from(config),
        new CorrelatingInbox(inbox, new StatusCorrelator(configuration, inbox)));
  }

  /** The status inbox in this engine's database. */
  public static StatusInbox inbox(ProcessEngineConfigurationImpl configuration) {
    return new JdbcStatusInbox(configuration.getDataSource());
  }

  static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
