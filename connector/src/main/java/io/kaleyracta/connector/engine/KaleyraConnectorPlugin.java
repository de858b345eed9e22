package io.kaleyracta.connector.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Registers the connector as the expression bean {@value #BEAN_NAME} in an engine without CDI or Spring (embedded,
 * Camunda Run), so {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"} works there too.
 *
 * <p>When the engine is built, it also creates or checks the connector's tables (see {@link EngineLedger}), so a
 * missing table stops the start with a message naming the SQL file, rather than failing the first send.
 *
 * <p>The engine's existing beans map is wrapped, not copied: a lazy map (one that asks a CDI container) keeps
 * resolving every other name. When the engine closes, the connector's REST clients and their connection pools are
 * closed with it.
 */
public class KaleyraConnectorPlugin extends AbstractProcessEnginePlugin {

  public static final String BEAN_NAME = "kaleyraWhatsAppCta";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBeans(new WithConnector(configuration.getBeans(), new SendWhatsAppCtaDelegate()));
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new ClosesClientsWithEngine());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  /**
   * The engine has no close callback for plugins; the last command it runs while closing is its package-private
   * {@code SchemaOperationProcessEngineClose}, so the clients are closed right after it.
   */
  static final class ClosesClientsWithEngine extends CommandInterceptor {
    private static final String ENGINE_CLOSE = "org.camunda.bpm.engine.impl.SchemaOperationProcessEngineClose";

    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } finally {
        if (command.getClass().getName().equals(ENGINE_CLOSE)) {
          SharedSender.closeAll();
        }
      }
    }
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine processEngine) {
    EngineLedger.of(processEngine);
  }

  /** The engine's beans plus ours; read-only, as the engine only looks beans up. */
  static final class WithConnector extends AbstractMap<Object, Object> {
    private final Map<Object, Object> others;
    private final Object connector;

    WithConnector(Map<Object, Object> others, Object connector) {
      this.others = others == null ? Map.of() : others;
      this.connector = connector;
    }

    @Override
    public boolean containsKey(Object key) {
      return BEAN_NAME.equals(key) || others.containsKey(key);
    }

    @Override
    public Object get(Object key) {
      return BEAN_NAME.equals(key) ? connector : others.get(key);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> all = new java.util.HashMap<>(others);
      all.put(BEAN_NAME, connector);
      return Set.copyOf(all.entrySet());
    }
  }
}
