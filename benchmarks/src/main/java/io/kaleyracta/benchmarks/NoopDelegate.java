package io.kaleyracta.benchmarks;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** The baseline: the same task with its input mapping, writing a result and sending nothing. */
public class NoopDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariableLocal("messageId", "noop");
  }
}
