package io.kaleyracta.connector.engine;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Names one run of the task so that the engine's re-run of the same job can be recognised.
 *
 * <ul>
 *   <li>The job id and creation time survive a failed transaction (the job row is rolled back, not deleted); a
 *       loop back to the task through a wait state makes a new job. The creation time tells apart two databases
 *       that hand out the same id (an engine restarted on a fresh in-memory database).
 *   <li>Within one job the task can run several times (a multi-instance task, a loop without a wait state, two
 *       called processes): the n-th run in this transaction is run n again when the job is re-run, because the
 *       engine executes a job's continuations in the same order.
 *   <li>Execution and activity-instance ids change on a re-run, so they are not part of the key.
 * </ul>
 */
final class DeliveryKey {

  /** Runs of each (job, activity) in each command; weak, so a finished command leaves nothing behind. */
  private static final Map<CommandContext, Map<String, Integer>> RUNS =
      Collections.synchronizedMap(new WeakHashMap<>());

  private DeliveryKey() {
  }

  /** The key, or {@code null} when the task does not run in a job (nothing the engine would re-run by itself). */
  static String of(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    if (job == null) {
      return null;
    }
    String task = execution.getProcessEngine().getName() + "/" + job.getId() + "@"
        + (job.getCreateTime() == null ? 0 : job.getCreateTime().getTime()) + "/" + execution.getCurrentActivityId();
    int run = RUNS.computeIfAbsent(commandContext, context -> new HashMap<>()).merge(task, 1, Integer::sum);
    return task + "#" + run;
  }
}
