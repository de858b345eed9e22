package io.kaleyracta.example.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Send reminder by SMS instead": the fallback when WhatsApp stayed down through every planned retry, or when
 * WhatsApp reported that it could not deliver the reminder (FAILED, NOT-SENT: the process variable
 * {@code kaleyraStatus} is set then). In this example it only records the decision ({@value #CHANNEL} =
 * {@code sms}) and logs it; a real journey calls its SMS or e-mail provider here (Kaleyra's SMS API, for one).
 */
public class SendSmsReminder implements JavaDelegate {

  public static final String CHANNEL = "reminderChannel";

  private static final Logger LOG = LoggerFactory.getLogger(SendSmsReminder.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CHANNEL, "sms");
    Object status = execution.getVariable("kaleyraStatus");
    if (status != null) {
      Object code = execution.getVariable("kaleyraStatusErrorCode");
      LOG.info("WhatsApp reported {}{} for appointment {}: reminder goes by SMS instead (example: not sent)", status,
          code == null ? "" : " " + code + " (" + execution.getVariable("kaleyraStatusErrorTitle") + ")",
          execution.getVariable("appointmentId"));
      return;
    }
    LOG.info("WhatsApp unavailable after {} tries for appointment {}: reminder goes by SMS instead (example: not sent)",
        execution.getVariable(PlanRetry.FAILED_TRIES), execution.getVariable("appointmentId"));
  }
}
