package io.kaleyracta.connector.testing;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The part of camunda-bpm-junit5's {@code ProcessEngineExtension} the engine tests use, written against the engine
 * API alone: Operaton and CIB seven publish no JUnit 5 extension on Maven Central, and the same test source runs
 * on all three engines. After each test it deletes the deployments handed to {@link #manageDeployment} (with
 * their instances and history) and resets the engine clock.
 */
public final class TestEngine implements AfterEachCallback {

  private final ProcessEngine processEngine;
  private final List<String> deploymentIds = new ArrayList<>();

  public TestEngine(ProcessEngine processEngine) {
    this.processEngine = processEngine;
  }

  public ProcessEngine getProcessEngine() {
    return processEngine;
  }

  /** Deletes the deployment after the test, cascading to its instances and history. */
  public void manageDeployment(Deployment deployment) {
    deploymentIds.add(deployment.getId());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    for (String id : deploymentIds) {
      processEngine.getRepositoryService().deleteDeployment(id, true, true);
    }
    deploymentIds.clear();
    ClockUtil.reset();
  }
}
