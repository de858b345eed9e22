package io.kaleyracta.example.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Send approved template instead (stand-in)": WhatsApp refused the reminder with Meta's 131047 because the customer
 * has not written to the clinic within 24 hours, and outside that window it delivers only approved template
 * messages. A real journey sends the clinic's approved reminder template (or an SMS) here; this example records
 * {@value SendSmsReminder#CHANNEL} = {@value #CHANNEL_VALUE} and logs the decision, nothing is sent.
 */
public class SendTemplateReminder implements JavaDelegate {

  static final String CHANNEL_VALUE = "whatsapp-template";

  private static final Logger LOG = LoggerFactory.getLogger(SendTemplateReminder.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(SendSmsReminder.CHANNEL, CHANNEL_VALUE);
    LOG.info("WhatsApp reported {} {} ({}) for appointment {}: outside the 24-hour window, the reminder goes as the"
            + " approved template instead (example: not sent)", execution.getVariable("kaleyraStatus"),
        execution.getVariable("kaleyraStatusErrorCode"), execution.getVariable("kaleyraStatusErrorTitle"),
        execution.getVariable("appointmentId"));
  }
}
