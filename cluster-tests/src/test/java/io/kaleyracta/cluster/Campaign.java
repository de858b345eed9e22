package io.kaleyracta.cluster;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.outcome.SendOutcome;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;

/**
 * One process instance per recipient, as a campaign started from a list: an asynchronous "Send WhatsApp CTA" task
 * (its own job, so either node may run it), then {@link HaltsOnceAfterSend} in the same transaction, then the end
 * event {@value #SENT}. An unknown outcome ends at {@value #UNKNOWN}, invalid input at {@value #INVALID}; any other
 * failure stays an incident.
 */
final class Campaign {

  static final String TASK = "sendCta";
  static final String SENT = "sent";
  static final String UNKNOWN = "unknown";
  static final String INVALID = "invalid";
  static final String MESSAGE_ID = "kaleyraMessageId";

  private Campaign() {
  }

  static BpmnModelInstance model(String key) {
    BpmnModelInstance model = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent()
        .serviceTask(TASK).camundaClass(SendWhatsAppCtaDelegate.class.getName()).camundaAsyncBefore()
        .camundaInputParameter("recipient", "${customer}")
        .camundaInputParameter("bodyText", "Your appointment is tomorrow at 10:00.")
        .camundaInputParameter("buttonText", "Manage booking")
        .camundaInputParameter("buttonUrl", "https://example.com/booking")
        .camundaInputParameter("ref", "${customerRef}")
        .camundaOutputParameter(MESSAGE_ID, "${messageId}")
        .serviceTask("afterSend").camundaClass(HaltsOnceAfterSend.class.getName())
        .endEvent(SENT)
        .done();
    ServiceTask task = model.getModelElementById(TASK);
    task.builder().boundaryEvent("onUnknown").error(SendOutcome.OUTCOME_UNKNOWN).endEvent(UNKNOWN);
    task.builder().boundaryEvent("onInvalid").error(SendOutcome.INVALID_INPUT).endEvent(INVALID);
    return model;
  }

  /** A distinct valid recipient per index; {@code invalid} gives a number the connector rejects before sending. */
  static String recipient(int scenario, int index, boolean invalid) {
    return invalid ? "12ab" + index : String.format("+91%d%09d", 7 + scenario % 3, scenario * 100_000 + index);
  }
}
