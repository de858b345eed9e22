package io.kaleyracta.example.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Log message id with the appointment": one INFO line that ties Kaleyra's message id to the appointment
 * ({@code ref}), so support can find a customer's reminder in Kaleyra's reports from the clinic's log. The id
 * itself is in the process variable {@value #MESSAGE_ID}, which the element template's "Result variable" names.
 */
public class LogReminderSent implements JavaDelegate {

  static final String MESSAGE_ID = "reminderMessageId";

  private static final Logger LOG = LoggerFactory.getLogger(LogReminderSent.class);

  @Override
  public void execute(DelegateExecution execution) {
    LOG.info("Appointment reminder sent on WhatsApp: messageId={} ref={} customer={} timedRetries={}",
        execution.getVariable(MESSAGE_ID), execution.getVariable("appointmentId"),
        execution.getVariable("customerId"), failedTries(execution));
  }

  private static Object failedTries(DelegateExecution execution) {
    Object tries = execution.getVariable(PlanRetry.FAILED_TRIES);
    return tries == null ? 0 : tries;
  }
}
