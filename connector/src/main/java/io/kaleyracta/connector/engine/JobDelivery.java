package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.ledger.DeliveryContext;
import io.kaleyracta.connector.ledger.Origin;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.tracking.TapStore;
import io.kaleyracta.connector.tracking.TrackingConfig;
import io.kaleyracta.connector.tracking.engine.EngineTapStore;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Names each message the task sends so that the engine's re-run of the same job recognises it, on any node:
 * the job, the activity, the message's content (business number and payload) and its occurrence among messages of
 * that content in this job and activity.
 *
 * <ul>
 *   <li>The job id and creation time survive a failed transaction and a crash (the job row is rolled back, not
 *       deleted) and are the same on every node; a loop back to the task through a wait state makes a new job.
 *   <li>The content, not the position, tells the messages of one job apart: a multi-instance collection that comes
 *       back in another order on the re-run still gives each customer the key (and so the id) of their own message.
 *   <li>The occurrence counts messages of equal content in this run of the job, so a deliberate repeat (the same
 *       text to the same number twice in one job) is two deliveries, and the re-run counts the same way.
 *   <li>Execution and activity-instance ids change on a re-run, so they are not part of the key. A send outside a
 *       job (a synchronous start) cannot be re-run by the engine: it gets a key of its own and is recorded all the
 *       same, for the status callbacks.
 * </ul>
 */
final class JobDelivery implements DeliveryContext {

  /** Occurrences per content in each running command; weak, so a finished command leaves nothing behind. */
  private static final Map<CommandContext, Map<String, Integer>> OCCURRENCES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private final SendLedger ledger;
  private final String place;
  private final CommandContext commandContext;
  private final Origin origin;
  private final ProcessEngineConfigurationImpl engine;

  private JobDelivery(SendLedger ledger, String place, CommandContext commandContext, Origin origin,
      ProcessEngineConfigurationImpl engine) {
    this.ledger = ledger;
    this.place = place;
    this.commandContext = commandContext;
    this.origin = origin;
    this.engine = engine;
  }

  static JobDelivery of(DelegateExecution execution) {
    CommandContext commandContext = Context.getCommandContext();
    ProcessEngineConfigurationImpl engine = Context.getProcessEngineConfiguration();
    if (engine == null) {
      engine = (ProcessEngineConfigurationImpl) execution.getProcessEngine().getProcessEngineConfiguration();
    }
    SendLedger ledger = EngineLedger.of(engine);
    JobEntity job = commandContext == null ? null : commandContext.getCurrentJob();
    String place = job == null
        ? "direct/" + UUID.randomUUID()
        : "job/" + job.getId() + "@" + (job.getCreateTime() == null ? 0 : job.getCreateTime().getTime()) + "/"
            + execution.getCurrentActivityId();
    Origin origin = new Origin(execution.getProcessInstanceId(), execution.getCurrentActivityId(),
        execution.getProcessBusinessKey(), execution.getTenantId(), job == null ? null : job.getId());
    return new JobDelivery(ledger, place, job == null ? null : commandContext, origin, engine);
  }

  @Override
  public SendLedger ledger() {
    return ledger;
  }

  @Override
  public String deliveryKey(String fingerprint) {
    String content = place + "/" + fingerprint;
    if (commandContext == null) {
      return content;
    }
    int occurrence = OCCURRENCES.computeIfAbsent(commandContext, context -> new HashMap<>())
        .merge(content, 1, Integer::sum);
    return content + "#" + occurrence;
  }

  @Override
  public Origin origin() {
    return origin;
  }

  /** The engine's tracked links, kept where its ledger is. */
  @Override
  public TapStore tapStore(TrackingConfig tracking) {
    return EngineTapStore.of(engine, tracking.retention());
  }
}
