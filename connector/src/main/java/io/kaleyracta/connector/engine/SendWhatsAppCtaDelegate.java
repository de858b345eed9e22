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
 * {@value #MESSAGE_ID} (always set, {@code null} unless accepted) and, on failure, the process variables
 * {@value #ERROR_CODE} and {@value #ERROR_MESSAGE} plus a {@link BpmnError} with that code. When no error boundary
 * event or error event sub-process catches the code, it throws {@link UnhandledKaleyraErrorException} instead, so
 * the failure is never a silent end of the journey.
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
      outcome = sender.send(execution::getVariableLocal, DeliveryKey.of(execution));
    }
    if (outcome.accepted()) {
      execution.setVariableLocal(MESSAGE_ID, outcome.messageId());
      clearStaleError(execution);
      return;
    }
    execution.setVariable(ERROR_CODE, outcome.errorCode());
    execution.setVariable(ERROR_MESSAGE, outcome.errorMessage());
    if (!ErrorBoundaries.catches(execution, outcome.errorCode())) {
      throw new UnhandledKaleyraErrorException(execution.getCurrentActivityId(), outcome.errorCode(),
          outcome.errorMessage());
    }
    throw new BpmnError(outcome.errorCode(), outcome.errorMessage());
  }

  /** A journey that loops back after a failure must not see the old error next to the new message id. */
  private static void clearStaleError(DelegateExecution execution) {
    if (execution.hasVariable(ERROR_CODE)) {
      execution.setVariable(ERROR_CODE, null);
      execution.setVariable(ERROR_MESSAGE, null);
    }
  }
}
