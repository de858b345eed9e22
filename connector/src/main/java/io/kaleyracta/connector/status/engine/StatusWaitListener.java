package io.kaleyracta.connector.status.engine;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.status.StatusInbox;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;

/**
 * The start listener of a "Wait for WhatsApp status" receive task. It checks the wait's inputs (a wait without a
 * message id would never end: it fails here, visibly, instead), and right after this transaction commits it looks
 * into the status inbox: when a status that ends the wait arrived before the wait was committed (the callback beat
 * the send's commit, or the model waits later), the wait ends then. Should that moment be lost (a crash), the
 * {@link StatusSweeper} ends it on its next round.
 */
public class StatusWaitListener implements ExecutionListener {

  @Override
  public void notify(DelegateExecution execution) {
    Object messageId = execution.getVariableLocal(StatusWait.MESSAGE_ID);
    String activity = execution.getCurrentActivityId();
    if (messageId == null || messageId.toString().isBlank()) {
      throw new ProcessEngineException("KCTA-413 Wait for WhatsApp status '" + activity + "' has no message id: "
          + "the input " + StatusWait.MESSAGE_ID + " is empty (was the message sent? check the send task's "
          + "result variable)");
    }
    try {
      StatusWait.wanted(execution.getVariableLocal(StatusWait.STATUSES));
    } catch (IllegalArgumentException e) {
      throw new ProcessEngineException("KCTA-414 Wait for WhatsApp status '" + activity + "': " + e.getMessage(), e);
    }
    var configuration = Context.getProcessEngineConfiguration();
    StatusInbox inbox = StatusCallbackEndpoint.inbox(configuration);
    String id = messageId.toString();
    // Always, not only when a status is stored now: a callback stored after this point but before the commit finds
    // no committed wait to end, so this check after the commit is what ends the wait then.
    Context.getCommandContext().getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
        committed -> AfterCommit.run(configuration, () -> {
          try {
            new StatusCorrelator(configuration, inbox).correlate(List.of(id));
          } catch (RuntimeException e) {
            LOG.waitNotEndedAfterCommit(id, e);
          }
        }));
  }
}
