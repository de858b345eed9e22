package io.kaleyracta.connector.status.engine;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.status.StatusEvent;
import io.kaleyracta.connector.status.StatusInbox;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.impl.bpmn.behavior.ReceiveTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Ends the "Wait for WhatsApp status" receive tasks that stored statuses satisfy. Each wait is ended in its own
 * transaction after checking, inside it, that the execution still waits for that message id: a wait that a timer
 * or another callback ended meanwhile is left alone, and when two callbacks race for one wait the engine's
 * optimistic locking lets exactly one of them end it.
 */
public final class StatusCorrelator {

  private static final int ATTEMPTS = 5;

  private final ProcessEngineConfigurationImpl engine;
  private final StatusInbox inbox;

  public StatusCorrelator(ProcessEngineConfigurationImpl engine, StatusInbox inbox) {
    this.engine = engine;
    this.inbox = inbox;
  }

  /** Ends every wait for these message ids that their stored statuses satisfy; returns how many it ended. */
  public int correlate(Collection<String> messageIds) {
    int ended = 0;
    for (String messageId : new LinkedHashSet<>(messageIds)) {
      List<Execution> waits = engine.getRuntimeService().createExecutionQuery()
          .variableValueEquals(StatusWait.MESSAGE_ID, messageId).list();
      if (waits.isEmpty()) {
        continue;
      }
      List<StatusEvent> stored = inbox.statusesOf(messageId);
      for (Execution wait : waits) {
        if (end(wait.getId(), messageId, stored)) {
          ended++;
        }
      }
    }
    return ended;
  }

  /** Where the next {@link #correlateWaiting} page starts: successive rounds walk through every wait, then again. */
  private final AtomicInteger nextPage = new AtomicInteger();

  /**
   * The next page of waits currently waiting, checked against the inbox (the sweep after a lost after-commit
   * correlation). Each call takes the following page, ordered, and starts over after the last, so every wait is
   * looked at within a few rounds however many there are; a wait skipped because others ended meanwhile is seen in
   * the next pass.
   */
  public int correlateWaiting(int limit) {
    int first = nextPage.get();
    List<VariableInstance> waits = engine.getRuntimeService().createVariableInstanceQuery()
        .variableName(StatusWait.MESSAGE_ID).orderByActivityInstanceId().asc().listPage(first, limit);
    nextPage.set(waits.size() < limit ? 0 : first + waits.size());
    int ended = 0;
    for (VariableInstance wait : waits) {
      String messageId = wait.getValue() == null ? null : wait.getValue().toString();
      if (messageId == null || wait.getExecutionId() == null) {
        continue;
      }
      List<StatusEvent> stored = inbox.statusesOf(messageId);
      if (!stored.isEmpty() && end(wait.getExecutionId(), messageId, stored)) {
        ended++;
      }
    }
    return ended;
  }


  /** Whether a wait for this message id exists now. */
  public boolean isAwaited(String messageId) {
    return engine.getRuntimeService().createExecutionQuery().variableValueEquals(StatusWait.MESSAGE_ID, messageId)
        .count() > 0;
  }

  private boolean end(String executionId, String messageId, List<StatusEvent> stored) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        Ended ended = engine.getCommandExecutorTxRequiresNew().execute(context -> {
          ExecutionEntity execution = context.getExecutionManager().findExecutionById(executionId);
          if (execution == null || !messageId.equals(execution.getVariableLocal(StatusWait.MESSAGE_ID))
              || !isStatusWait(execution.getActivity())) {
            return null;
          }
          Optional<StatusEvent> ending = StatusWait.ending(stored,
              StatusWait.wanted(execution.getVariableLocal(StatusWait.STATUSES)));
          if (ending.isEmpty()) {
            return null;
          }
          new SignalCmd(executionId, null, null, StatusWait.variables(ending.get())).execute(context);
          return new Ended(execution.getActivityId(), execution.getProcessInstanceId(),
              ending.get().status().wireName());
        });
        if (ended == null) {
          return false;
        }
        // logged once committed: of two correlations racing for one wait, only the one that committed says so
        LOG.waitEnded(ended.activityId(), ended.processInstanceId(), ended.status(), messageId);
        return true;
      } catch (OptimisticLockingException e) {
        LOG.waitChangedMeanwhile(executionId, attempt);
      } catch (RuntimeException e) {
        // what runs after the wait failed (e.g. a delegate's exception; the engine passes runtime exceptions on
        // unwrapped): the wait stays, the next wait and the sweep's other steps go on
        LOG.waitNotEnded(executionId, messageId, e);
        return false;
      }
    }
    return false;
  }

  private record Ended(String activityId, String processInstanceId, String status) {
  }


  private static boolean isStatusWait(ActivityImpl activity) {
    return activity != null && activity.getActivityBehavior() instanceof ReceiveTaskActivityBehavior;
  }
}
