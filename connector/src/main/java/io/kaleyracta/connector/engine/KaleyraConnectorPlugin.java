package io.kaleyracta.connector.engine;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Registers the connector as the expression bean {@value #BEAN_NAME} in any engine it is registered in (embedded,
 * Spring, Spring Boot, Camunda Run), so {@code camunda:delegateExpression="${kaleyraWhatsAppCta}"} works there too, and
 * leaves every other name resolving as before.
 *
 * <p>When the engine is built, it also creates or checks the connector's tables (see {@link EngineLedger}), so a
 * missing table stops the start with a message naming the SQL file, rather than failing the first send.
 *
 * <p>Where the engine builds its expression manager itself (plain configurations), it builds it from the beans map
 * during init: the map is wrapped, not copied, so a lazy map (one that asks a CDI container) keeps resolving every
 * other name. Where the host built the expression manager before the plugins run (Spring's
 * {@code ProcessEngineFactoryBean}, and so Spring Boot and Camunda Run), that manager never reads the beans map again,
 * and a beans map set earlier would hide Spring's application context: the plugin then puts
 * {@link ConnectorExpressionManager} in front of it, which asks the host's resolvers first and the connector last.
 *
 * <p>When the engine closes, the connector's REST clients and their connection pools are closed with it.
 */
public class KaleyraConnectorPlugin extends AbstractProcessEnginePlugin {

  public static final String BEAN_NAME = "kaleyraWhatsAppCta";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    addConnectorBean(configuration, new SendWhatsAppCtaDelegate());
    List<CommandInterceptor> interceptors = new ArrayList<>();
    if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
      interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
    }
    interceptors.add(new ClosesClientsWithEngine());
    configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
  }

  private static void addConnectorBean(ProcessEngineConfigurationImpl configuration,
      SendWhatsAppCtaDelegate connector) {
    ExpressionManager hosts = configuration.getExpressionManager();
    if (hosts == null) {
      configuration.setBeans(new WithConnector(configuration.getBeans(), connector));
    } else if (hosts instanceof JuelExpressionManager juel) {
      configuration.setExpressionManager(new ConnectorExpressionManager(juel, BEAN_NAME, connector));
    } else {
      throw new ProcessEngineException("KaleyraConnectorPlugin cannot add the bean '" + BEAN_NAME + "' to the "
          + "expression manager " + hosts.getClass().getName() + ": register the bean with the host, or use "
          + "camunda:class=\"" + SendWhatsAppCtaDelegate.class.getName() + "\"");
    }
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
