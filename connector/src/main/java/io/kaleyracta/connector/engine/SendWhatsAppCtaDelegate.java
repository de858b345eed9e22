package io.kaleyracta.connector.engine;

import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.send.CtaSender;
import java.util.function.Supplier;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The "Send WhatsApp CTA" service task: {@code camunda:class="io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate"}.
 *
 * <p>Reads the task's input parameters, sends through {@link CtaSender} and writes the outcome: the local variable
 * {@value #MESSAGE_ID} (always set, {@code null} unless accepted) and, on failure, {@value #ERROR_CODE} and
 * {@value #ERROR_MESSAGE} plus a {@link BpmnError} with that code. The two error variables are set in the scope where
 * the catching boundary event or error event sub-process lives (the process instance for a task in the process,
 * one instance of a multi-instance sub-process, the calling process for a boundary on a call activity), so the
 * handler's path sees its own failure and no sibling overwrites it. When nothing catches the code, it throws
 * {@link UnhandledKaleyraErrorException} instead, so the failure is never a silent end of the journey.
 */
public class SendWhatsAppCtaDelegate implements JavaDelegate {

  public static final String MESSAGE_ID = "messageId";
  public static final String ERROR_CODE = "kaleyraErrorCode";
  public static final String ERROR_MESSAGE = "kaleyraErrorMessage";

  private final Supplier<CtaSender> sender;

  /** Configured from MicroProfile Config, as {@code camunda:class} needs. */
  public SendWhatsAppCtaDelegate() {
    this(SharedSender::fromMicroProfileConfig);
  }

  /** Sends with the given sender (a CDI producer, a plugin, a test). */
  public SendWhatsAppCtaDelegate(Supplier<CtaSender> sender) {
    this.sender = sender;
  }

  @Override
  public void execute(DelegateExecution execution) {
    // output mappings read ${messageId} on every path, the error paths included
    execution.setVariableLocal(MESSAGE_ID, null);
    CtaSender sender = this.sender.get();
    JobLockTime.warnOnceIfSendOutlastsLock(execution.getProcessEngine(), sender.config());
    SendOutcome outcome;
    try (LogContext ignored = LogContext.of(execution)) {
      outcome = sender.send(execution::getVariableLocal, JobDelivery.of(execution));
    }
    if (outcome.accepted()) {
      execution.setVariableLocal(MESSAGE_ID, outcome.messageId());
      clearStaleError(execution);
      return;
    }
    DelegateExecution catchingScope = ErrorBoundaries.catchingScope(execution, outcome.errorCode());
    if (catchingScope == null) {
      throw new UnhandledKaleyraErrorException(execution.getCurrentActivityId(), outcome.errorCode(),
          outcome.errorMessage());
    }
    catchingScope.setVariableLocal(ERROR_CODE, outcome.errorCode());
    catchingScope.setVariableLocal(ERROR_MESSAGE, outcome.errorMessage());
    throw new BpmnError(outcome.errorCode(), outcome.errorMessage());
  }

  /**
   * A journey that loops back after a failure must not see the old error next to the new message id. Cleared where
   * the nearest enclosing scope holds it: a sibling instance's own error lives in that sibling's scope, untouched.
   */
  private static void clearStaleError(DelegateExecution execution) {
    if (execution.hasVariable(ERROR_CODE)) {
      execution.setVariable(ERROR_CODE, null);
      execution.setVariable(ERROR_MESSAGE, null);
    }
  }
}
