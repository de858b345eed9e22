package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.Expression;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.junit.jupiter.api.Test;

/**
 * In an engine without CDI or Spring the plugin makes {@code ${kaleyraWhatsAppCta}} resolve, every other bean the host
 * gave the engine (a lazy beans map, or an expression manager the host built itself) keeps resolving, and closing the
 * engine closes the connector's REST client. The Spring-built engine: {@code KaleyraConnectorPluginSpringTest}.
 */
class KaleyraConnectorPluginTest extends BeanWiredJourney {

  @Test
  void inAPlainEngineWithABeansMapBothTheConnectorAndTheEnginesOwnBeanResolveAndClosingTheEngineClosesTheClient()
      throws Exception {
    Receipts receipts = new Receipts();
    Map<Object, Object> lazy = new java.util.AbstractMap<>() {
      @Override
      public Object get(Object key) {
        return HOST_BEAN.equals(key) ? receipts : null; // like a CDI lookup: answers without listing entries
      }

      @Override
      public boolean containsKey(Object key) {
        return HOST_BEAN.equals(key);
      }

      @Override
      public java.util.Set<Entry<Object, Object>> entrySet() {
        return java.util.Set.of();
      }
    };
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("plugin-test");
    configuration.setJdbcUrl("jdbc:h2:mem:kaleyra-plugin-test");
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(lazy);
    configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      sendsThroughTheConnectorAndRecordsInTheHostsBean(engine, receipts);
      assertThat(connectionsToSandbox()).as("the client's pooled connection, kept alive").isPositive();
    } finally {
      engine.close();
    }
    assertThat(connectionsToSandboxOnceSettled()).as("connections left after the engine closed").isZero();
  }

  @Test
  void inAnEngineWhoseHostBuiltTheExpressionManagerBothTheConnectorAndTheHostsBeanResolve() {
    Receipts receipts = new Receipts();
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName("plugin-host-manager-test");
    configuration.setJdbcUrl("jdbc:h2:mem:kaleyra-plugin-host-manager-test");
    configuration.setJobExecutorActivate(false);
    // as Spring's ProcessEngineFactoryBean does before the plugins run, without Spring
    configuration.setExpressionManager(new JuelExpressionManager(Map.of(HOST_BEAN, receipts)));
    configuration.setProcessEnginePlugins(List.of(new KaleyraConnectorPlugin()));
    ProcessEngine engine = configuration.buildProcessEngine();
    try {
      sendsThroughTheConnectorAndRecordsInTheHostsBean(engine, receipts);
    } finally {
      engine.close();
    }
  }

  @Test
  void refusesAnExpressionManagerItCannotAddTheBeanToAndSaysWhatToDoInstead() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setExpressionManager(new ExpressionManager() {
      @Override
      public Expression createExpression(String expression) {
        throw new UnsupportedOperationException();
      }

      @Override
      public void addFunction(String name, Method function) {
      }
    });

    assertThatThrownBy(() -> new KaleyraConnectorPlugin().preInit(configuration))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("'" + KaleyraConnectorPlugin.BEAN_NAME + "'")
        .hasMessageContaining("class=\"" + SendWhatsAppCtaDelegate.class.getName() + "\"");
  }

  /** Established TCP connections from this machine to the sandbox's port (Linux: /proc/net/tcp and tcp6). */
  private static long connectionsToSandbox() throws IOException {
    String port = String.format(":%04X", URI.create(sandbox.baseUrl()).getPort());
    long count = 0;
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      Path path = Path.of(table);
      if (Files.exists(path)) {
        // columns: sl local_address rem_address st ...; st 01 = ESTABLISHED
        count += Files.readAllLines(path).stream().skip(1).map(line -> line.trim().split("\\s+"))
            .filter(columns -> columns[2].endsWith(port) && columns[3].equals("01")).count();
      }
    }
    return count;
  }

  /** The count once closing sockets had a moment to reach the kernel (bounded wait). */
  private static long connectionsToSandboxOnceSettled() throws Exception {
    long count = connectionsToSandbox();
    for (int i = 0; i < 40 && count > 0; i++) {
      Thread.sleep(50);
      count = connectionsToSandbox();
    }
    return count;
  }
}
