package io.kaleyracta.spring.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * An ordinary Spring bean that the test journeys call in expressions next to the connector: it must stay
 * resolvable (the starter sets no beans map on the engine).
 */
@Component("journeySteps")
public class JourneySteps {

  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

  /** Marks the instance, so a test sees that the step after the send ran. */
  public void afterSend(DelegateExecution execution) {
    execution.setVariable("afterSend", true);
  }

  /** Fails the first time per process instance: the job's transaction rolls back after the message went out. */
  public void failFirstTime(DelegateExecution execution) {
    if (failedOnce.add(execution.getProcessInstanceId())) {
      throw new IllegalStateException("the step after the send fails once (test)");
    }
    execution.setVariable("afterSend", true);
  }
}
