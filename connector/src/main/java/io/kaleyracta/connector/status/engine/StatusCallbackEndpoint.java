package io.kaleyracta.connector.status.engine;

import io.kaleyracta.connector.engine.EngineDatabase;
import io.kaleyracta.connector.status.CallbackCredentials;
import io.kaleyracta.connector.status.CallbackObserver;
import io.kaleyracta.connector.status.JdbcStatusInbox;
import io.kaleyracta.connector.status.StatusCallbackParser;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.StatusReceiver;
import io.kaleyracta.connector.status.StatusSink;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Wires the callback endpoint to an engine: credentials from configuration, the status inbox in the engine's
 * database, waits ended by {@link StatusCorrelator}. Hosts put the returned receiver behind their HTTP adapter
 * (e.g. {@code new StatusCallbackServlet(StatusCallbackEndpoint.forEngine(engine, config))}).
 */
public final class StatusCallbackEndpoint {

  private static final Map<ProcessEngineConfigurationImpl, StatusInbox> INBOXES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private StatusCallbackEndpoint() {
  }

  public static StatusReceiver forEngine(ProcessEngine engine, Function<String, String> config) {
    return new StatusReceiver(CallbackCredentials.from(config), sink(engine));
  }

  /**
   * The engine's type, for hosts that hold no engine type and look the engine up by it: the Spring Boot starter, whose
   * one jar serves Camunda 7, Operaton and CIB seven.
   */
  public static Class<?> engineType() {
    return ProcessEngine.class;
  }

  /**
   * {@link #forEngine(ProcessEngine, Function)} for such hosts: the engine (an instance of {@link #engineType()}) is
   * asked for at the first callback, once it has started. Until then callbacks are answered 503, so Kaleyra sends
   * them again. The observer sees every answer (the starter counts them as meters).
   */
  public static StatusReceiver forLazyEngine(Supplier<?> engine, Function<String, String> config,
      CallbackObserver observer) {
    AtomicReference<StatusSink> sink = new AtomicReference<>();
    return new StatusReceiver(CallbackCredentials.from(config), new StatusCallbackParser(), events -> {
      if (sink.get() == null) {
        sink.compareAndSet(null, sink((ProcessEngine) engine.get()));
      }
      sink.get().accept(events);
    }, observer);
  }

  private static StatusSink sink(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = configuration(engine);
    StatusInbox inbox = inbox(configuration);
    return new CorrelatingInbox(inbox, new StatusCorrelator(configuration, inbox));
  }

  /**
   * The status inbox in this engine's database, its table created or checked with the connector's other tables on
   * first use (as the engine treats its own schema).
   *
   * @throws io.kaleyracta.connector.ledger.ConnectorSchemaException when the table is missing and may not be created
   */
  public static StatusInbox inbox(ProcessEngineConfigurationImpl configuration) {
    synchronized (INBOXES) {
      StatusInbox inbox = INBOXES.get(configuration);
      if (inbox == null) {
        EngineDatabase database = EngineDatabase.withTables(configuration);
        inbox = new JdbcStatusInbox(database.dataSource(), database.outsideTransaction());
        INBOXES.put(configuration, inbox);
      }
      return inbox;
    }
  }

  static ProcessEngineConfigurationImpl configuration(ProcessEngine engine) {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }
}
