package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In an engine without CDI or Spring the plugin makes {@code ${kaleyraWhatsAppCta}} resolve, every other bean of the
 * engine's (lazy) beans map keeps resolving, and closing the engine closes the connector's REST client.
 */
class KaleyraConnectorPluginTest {

  private static KaleyraSandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = KaleyraSandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void configure() {
    sandbox.reset();
    TestConfig.set(KaleyraConfig.SID, KaleyraSandbox.SID);
    TestConfig.set(KaleyraConfig.API_KEY, KaleyraSandbox.API_KEY);
    TestConfig.set(KaleyraConfig.BASE_URL, sandbox.baseUrl());
    TestConfig.set(KaleyraConfig.BUSINESS_NUMBER, KaleyraSandbox.BUSINESS_NUMBER);
  }

  @AfterEach
  void clearConfig() {
    TestConfig.clear();
  }

  @Test
  void inAPlainEngineWithABeansMapBothTheConnectorAndTheEnginesOwnBeanResolveAndClosingTheEngineClosesTheClient()
      throws Exception {
    Receipts receipts = new Receipts();
    Map<Object, Object> lazy = new java.util.AbstractMap<>() {
      @Override
      public Object get(Object key) {
        return "receipts".equals(key) ? receipts : null; // like a CDI lookup: answers without listing entries
      }

      @Override
      public boolean containsKey(Object key) {
        return "receipts".equals(key);
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
      sendsThroughTheBeanAndRecordsInTheOtherBean(engine, receipts);
      assertThat(connectionsToSandbox()).as("the client's pooled connection, kept alive").isPositive();
    } finally {
      engine.close();
    }
    assertThat(connectionsToSandboxOnceSettled()).as("connections left after the engine closed").isZero();
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

  /** start → send with ${kaleyraWhatsAppCta} → ${receipts.record(kaleyraMessageId)} → end. */
  private static void sendsThroughTheBeanAndRecordsInTheOtherBean(ProcessEngine engine, Receipts receipts) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("beanWired").camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("send").camundaDelegateExpression("${" + KaleyraConnectorPlugin.BEAN_NAME + "}")
        .camundaInputParameter("recipient", "${recipient}")
        .camundaInputParameter("bodyText", "${bodyText}")
        .camundaInputParameter("buttonText", "${buttonText}")
        .camundaInputParameter("buttonUrl", "${buttonUrl}")
        .camundaOutputParameter("kaleyraMessageId", "${messageId}")
        .serviceTask("record").camundaExpression("${receipts.record(kaleyraMessageId)}")
        .endEvent("done").done();
    engine.getRepositoryService().createDeployment().addModelInstance("bean.bpmn", model).deploy();

    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("beanWired", Inputs.minimal());

    assertThat(sandbox.accepted()).hasSize(1);
    String messageId = sandbox.accepted().get(0).messageId();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("kaleyraMessageId").singleResult().getValue())
        .isEqualTo(messageId);
    assertThat(receipts.ids).containsExactly(messageId);
  }

  /** A host's own bean, used in an expression next to the connector. */
  public static class Receipts {
    final List<String> ids = new CopyOnWriteArrayList<>();

    public void record(String messageId) {
      ids.add(messageId);
    }
  }
}
