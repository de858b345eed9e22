package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The journey the plugin's tests run in each kind of engine: send through {@code ${kaleyraWhatsAppCta}}, then call the
 * host's own bean {@code ${receipts}} with the message id, against a sandbox on a local port.
 */
abstract class BeanWiredJourney {

  static final String HOST_BEAN = "receipts";

  static KaleyraSandbox sandbox;

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

  /** start → send with ${kaleyraWhatsAppCta} → ${receipts.record(kaleyraMessageId)} → end. */
  static void sendsThroughTheConnectorAndRecordsInTheHostsBean(ProcessEngine engine, Receipts receipts) {
    BpmnModelInstance model = Bpmn.createExecutableProcess("beanWired").camundaHistoryTimeToLive(1).startEvent()
        .serviceTask("send").camundaDelegateExpression("${" + KaleyraConnectorPlugin.BEAN_NAME + "}")
        .camundaInputParameter("recipient", "${recipient}")
        .camundaInputParameter("bodyText", "${bodyText}")
        .camundaInputParameter("buttonText", "${buttonText}")
        .camundaInputParameter("buttonUrl", "${buttonUrl}")
        .camundaOutputParameter("kaleyraMessageId", "${messageId}")
        .serviceTask("record").camundaExpression("${" + HOST_BEAN + ".record(kaleyraMessageId)}")
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
