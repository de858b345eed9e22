package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.Trigger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/** A send inside a called process is caught by the calling process's boundary, as the engine would route it. */
class CalledProcessTest extends EngineTest {

  @Test
  void anErrorBoundaryOnTheCallActivityCatchesTheCode() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));
    BpmnModelInstance parent = Bpmn.createExecutableProcess("journey")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("callSend").calledElement(CtaModel.PROCESS).camundaIn("recipient", "recipient")
        .camundaIn("bodyText", "bodyText").camundaIn("buttonText", "buttonText").camundaIn("buttonUrl", "buttonUrl")
        .boundaryEvent("lowBalance").error("E110").endEvent("caughtInParent")
        .moveToActivity("callSend").endEvent("done")
        .done();
    deploy(parent);

    ProcessInstance instance = runtime.startProcessInstanceByKey("journey",
        Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));

    assertThat(passed(instance, "caughtInParent")).isTrue();
    assertThat(passed(instance, "done")).isFalse();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isNull(); // set in the called instance
    String called = history.createHistoricProcessInstanceQuery().superProcessInstanceId(instance.getId())
        .singleResult().getId();
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(called)
        .variableName(SendWhatsAppCtaDelegate.ERROR_CODE).singleResult().getValue()).isEqualTo("E110");
    assertThat(sandbox.requests()).hasSize(1);
  }
}
