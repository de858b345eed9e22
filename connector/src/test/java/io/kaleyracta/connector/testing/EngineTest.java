package io.kaleyracta.connector.testing;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A real in-memory engine (camunda.cfg.xml, H2) and a real Kaleyra sandbox on a local port; the connector is
 * configured through MicroProfile Config exactly as a user configures it.
 */
public abstract class EngineTest {

  /** One engine for all test classes, built from camunda.cfg.xml through the engine's public API. */
  private static final ProcessEngine PROCESS_ENGINE =
      ProcessEngineConfiguration.createProcessEngineConfigurationFromResource("camunda.cfg.xml").buildProcessEngine();

  /** Cleans up after each test; the same on Camunda 7, Operaton and CIB seven (see {@link TestEngine}). */
  @RegisterExtension
  protected final TestEngine engine = new TestEngine(PROCESS_ENGINE);

  protected static KaleyraSandbox sandbox;

  protected RuntimeService runtime;
  protected HistoryService history;
  protected ManagementService management;
  protected RepositoryService repository;

  @BeforeAll
  static void startSandbox() {
    sandbox = KaleyraSandbox.start();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void configureConnector() {
    runtime = PROCESS_ENGINE.getRuntimeService();
    history = PROCESS_ENGINE.getHistoryService();
    management = PROCESS_ENGINE.getManagementService();
    repository = PROCESS_ENGINE.getRepositoryService();
    sandbox.reset();
    TestConfig.clear();
    TestConfig.set(KaleyraConfig.SID, KaleyraSandbox.SID);
    TestConfig.set(KaleyraConfig.API_KEY, KaleyraSandbox.API_KEY);
    TestConfig.set(KaleyraConfig.BASE_URL, sandbox.baseUrl());
    TestConfig.set(KaleyraConfig.BUSINESS_NUMBER, KaleyraSandbox.BUSINESS_NUMBER);
    TestConfig.set(KaleyraConfig.RETRY_BACKOFF_MS, "20");
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "3000");
    TestConfig.set(KaleyraConfig.CONNECT_TIMEOUT_MS, "1000");
  }

  @AfterEach
  void clearConfig() {
    TestConfig.clear();
  }

  protected void deploy(BpmnModelInstance model) {
    Deployment deployment = repository.createDeployment().addModelInstance("cta.bpmn", model).deploy();
    engine.manageDeployment(deployment);
  }

  protected void deploy(CtaModel model) {
    deploy(model.build());
  }

  protected ProcessInstance start(Map<String, Object> variables) {
    return runtime.startProcessInstanceByKey(CtaModel.PROCESS, variables);
  }

  /** Waits (bounded) for the sandbox to record a request that may still be in flight, e.g. a slow answer. */
  protected void awaitRequests(int count) throws InterruptedException {
    for (int i = 0; i < 100 && sandbox.requests().size() < count; i++) {
      Thread.sleep(50);
    }
  }

  protected boolean passed(ProcessInstance instance, String activityId) {
    return history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).activityId(activityId)
        .finished().count() == 1;
  }

  protected boolean ended(ProcessInstance instance) {
    return history.createHistoricProcessInstanceQuery().processInstanceId(instance.getId()).finished().count() == 1;
  }

  /** A process variable's last value, read from history (the instance may have ended). */
  protected Object variable(ProcessInstance instance, String name) {
    HistoricVariableInstance variable = history.createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  protected boolean hasVariable(ProcessInstance instance, String name) {
    return history.createHistoricVariableInstanceQuery().processInstanceId(instance.getId()).variableName(name)
        .count() > 0;
  }
}
