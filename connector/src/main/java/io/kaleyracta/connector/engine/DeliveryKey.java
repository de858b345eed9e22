package io.kaleyracta.connector.engine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Names one delivery so a re-run of the same job can be recognised. The job id survives a failed transaction
 * (the job row is rolled back, not deleted) and a loop back to the task makes a new job, so job id plus activity
 * id tells "the engine runs this again" from "the process asks for another message". Execution and
 * activity-instance ids change on a retry, so they are not part of the key.
 */
final class DeliveryKey {

  private DeliveryKey() {
  }

  /** The key, or {@code null} when the task does not run in a job (nothing the engine would re-run by itself). */
  static String of(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    if (job == null) {
      return null;
    }
    return execution.getProcessEngine().getName() + "/" + job.getId() + "/" + execution.getCurrentActivityId();
  }
}
