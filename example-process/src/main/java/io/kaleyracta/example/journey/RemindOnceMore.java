package io.kaleyracta.example.journey;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Remind once more": the customer has not read the reminder by the deadline of "Wait until the customer reads it".
 * Records {@value #REMINDED_ONCE_MORE} = {@code true}, which the gateway "Reminded once more already?" reads at the
 * next deadline, and logs it; the flow then sends the reminder again.
 */
public class RemindOnceMore implements JavaDelegate {

  public static final String REMINDED_ONCE_MORE = "remindedOnceMore";

  private static final Logger LOG = LoggerFactory.getLogger(RemindOnceMore.class);

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(REMINDED_ONCE_MORE, true);
    LOG.info("Appointment reminder {} not read by the deadline (messageId={}): reminding once more",
        execution.getVariable("appointmentId"), execution.getVariable(LogReminderSent.MESSAGE_ID));
  }
}
