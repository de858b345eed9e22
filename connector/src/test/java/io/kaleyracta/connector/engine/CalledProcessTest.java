package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.Trigger;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

/**
 * A send inside a called process is caught by the calling process's boundary, as the engine would route it, and the
 * error variables are set in the calling process, where the path that handles the error runs.
 */
class CalledProcessTest extends EngineTest {

  @Test
  void anErrorBoundaryOnTheCallActivityCatchesTheCodeAndTheCallersPathSeesCodeAndMessage() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));
    BpmnModelInstance parent = Bpmn.createExecutableProcess("journey")
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("callSend").calledElement(CtaModel.PROCESS).camundaIn("recipient", "recipient")
        .camundaIn("bodyText", "bodyText").camundaIn("buttonText", "buttonText").camundaIn("buttonUrl", "buttonUrl")
        .boundaryEvent("lowBalance").error("E110").userTask("topUp").endEvent("caughtInParent")
        .moveToActivity("callSend").endEvent("done")
        .done();
    deploy(parent);

    ProcessInstance instance = runtime.startProcessInstanceByKey("journey",
        Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));

    TaskService tasks = engine.getProcessEngine().getTaskService();
    Task topUp = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(topUp.getTaskDefinitionKey()).isEqualTo("topUp");
    assertThat(tasks.getVariables(topUp.getId()))
        .containsEntry(SendWhatsAppCtaDelegate.ERROR_CODE, "E110")
        .containsEntry(SendWhatsAppCtaDelegate.ERROR_MESSAGE, "Please check your balance, You have a low balance!");
    assertThat(passed(instance, "done")).isFalse();
    assertThat(sandbox.requests()).hasSize(1);
  }
}
