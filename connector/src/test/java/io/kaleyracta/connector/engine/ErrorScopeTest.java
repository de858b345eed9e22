package io.kaleyracta.connector.engine;

import static io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate.ERROR_CODE;
import static io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate.ERROR_MESSAGE;
import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.Trigger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ServiceTaskBuilder;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code kaleyraErrorCode} / {@code kaleyraErrorMessage} live in the scope where the catching boundary event or error
 * event sub-process lives: each instance of a parallel multi-instance sub-process sees its own failure, whatever its
 * siblings did; the process instance for the plain case; and Camunda's own {@code camunda:errorCodeVariable} /
 * {@code camunda:errorMessageVariable} on the boundary work with the connector's codes.
 */
class ErrorScopeTest extends EngineTest {

  private static final String LOW_BALANCE_MESSAGE = "Please check your balance, You have a low balance!";
  private static final String OK_1 = "+919812345671";
  private static final String OK_2 = "+919812345672";

  private TaskService tasks;

  @BeforeEach
  void taskService() {
    tasks = engine.getProcessEngine().getTaskService();
  }

  @Test
  void eachMultiInstanceHandlerSeesItsOwnCodeWhateverItsSiblingsDid() {
    deploy(perCustomer(false));

    // a success before, between and after the two failures, in one transaction
    ProcessInstance instance = startBatch(OK_1, Trigger.LOW_BALANCE.recipient(), OK_2,
        Trigger.BAD_PAYLOAD.recipient());

    Map<String, String> codeByRecipient = new HashMap<>();
    Map<String, String> messageByRecipient = new HashMap<>();
    for (Task handler : tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("handle").list()) {
      String recipient = (String) tasks.getVariable(handler.getId(), "recipient");
      codeByRecipient.put(recipient, (String) tasks.getVariable(handler.getId(), ERROR_CODE));
      messageByRecipient.put(recipient, (String) tasks.getVariable(handler.getId(), ERROR_MESSAGE));
    }
    assertThat(codeByRecipient).containsOnly(
        Map.entry(Trigger.LOW_BALANCE.recipient(), "E110"), Map.entry(Trigger.BAD_PAYLOAD.recipient(), "WA400"));
    assertThat(messageByRecipient.get(Trigger.LOW_BALANCE.recipient())).isEqualTo(LOW_BALANCE_MESSAGE);
    assertThat(messageByRecipient.get(Trigger.BAD_PAYLOAD.recipient())).isNotBlank().isNotEqualTo(LOW_BALANCE_MESSAGE);
    assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys(ERROR_CODE, ERROR_MESSAGE);
    assertThat(sandbox.accepted()).hasSize(2);
  }

  @Test
  void aLaterSiblingFailureOrSuccessInItsOwnJobLeavesAWaitingHandlerAlone() {
    deploy(perCustomer(true));
    ProcessInstance instance = startBatch(Trigger.LOW_BALANCE.recipient(), OK_1, Trigger.BAD_PAYLOAD.recipient());
    List<String> order = List.of(Trigger.LOW_BALANCE.recipient(), OK_1, Trigger.BAD_PAYLOAD.recipient());

    // one job per instance, run in the collection's order: failure, success, failure
    for (String recipient : order) {
      String jobId = management.createJobQuery().processInstanceId(instance.getId()).list().stream()
          .filter(job -> recipient.equals(runtime.getVariable(job.getExecutionId(), "recipient")))
          .findFirst().orElseThrow().getId();
      management.executeJob(jobId);
    }

    Task lowBalance = handlerFor(instance, Trigger.LOW_BALANCE.recipient());
    assertThat(tasks.getVariable(lowBalance.getId(), ERROR_CODE)).isEqualTo("E110");
    assertThat(tasks.getVariable(lowBalance.getId(), ERROR_MESSAGE)).isEqualTo(LOW_BALANCE_MESSAGE);
    assertThat(tasks.getVariable(handlerFor(instance, Trigger.BAD_PAYLOAD.recipient()).getId(), ERROR_CODE))
        .isEqualTo("WA400");
  }

  @Test
  void anErrorEventSubProcessInsideTheMultiInstanceSubProcessSeesItsOwnInstancesCode() {
    var perCustomer = Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start").subProcess("perCustomer");
    perCustomer.multiInstance().parallel().camundaCollection("${recipients}").camundaElementVariable("recipient")
        .multiInstanceDone();
    BpmnModelInstance model = sendTask(perCustomer.embeddedSubProcess().startEvent())
        .endEvent("sent").subProcessDone().endEvent("done").done();
    var onError = ((org.camunda.bpm.model.bpmn.instance.SubProcess) model.getModelElementById("perCustomer"))
        .builder().embeddedSubProcess().eventSubProcess("onError");
    onError.startEvent("errorStart").error().userTask("handle").endEvent("handled");
    deploy(model);

    ProcessInstance instance = startBatch(Trigger.LOW_BALANCE.recipient(), OK_1, Trigger.BAD_PAYLOAD.recipient());

    assertThat(tasks.getVariable(handlerFor(instance, Trigger.LOW_BALANCE.recipient()).getId(), ERROR_CODE))
        .isEqualTo("E110");
    assertThat(tasks.getVariable(handlerFor(instance, Trigger.BAD_PAYLOAD.recipient()).getId(), ERROR_CODE))
        .isEqualTo("WA400");
  }

  @Test
  void aBoundaryOnATaskInTheProcessSetsProcessVariables() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catching("E110"));

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));

    assertThat(passed(instance, "caught_E110")).isTrue();
    assertThat(variable(instance, ERROR_CODE)).isEqualTo("E110");
    assertThat(variable(instance, ERROR_MESSAGE)).isEqualTo(LOW_BALANCE_MESSAGE);
  }

  @Test
  void camundasErrorCodeAndMessageVariablesOnTheBoundaryReceiveTheCodeAndKaleyrasMessage() {
    BpmnModelInstance model = sendTask(Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start")).endEvent("sent").done();
    ((ServiceTask) model.getModelElementById(CtaModel.TASK)).builder()
        .boundaryEvent("lowBalance").errorEventDefinition().error("E110")
        .errorCodeVariable("sendError").errorMessageVariable("sendErrorMessage").errorEventDefinitionDone()
        .userTask("topUp").endEvent("caught");
    deploy(model);

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));

    Task topUp = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(topUp.getTaskDefinitionKey()).isEqualTo("topUp");
    assertThat(tasks.getVariable(topUp.getId(), "sendError")).isEqualTo("E110");
    assertThat(tasks.getVariable(topUp.getId(), "sendErrorMessage")).isEqualTo(LOW_BALANCE_MESSAGE);
  }

  @Test
  void camundasErrorCodeVariableStaysPerInstanceWhenTheSubProcessDeclaresIt() {
    var perCustomer = Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start").subProcess("perCustomer").camundaInputParameter("sendError", "");
    perCustomer.multiInstance().parallel().camundaCollection("${recipients}").camundaElementVariable("recipient")
        .multiInstanceDone();
    BpmnModelInstance model = sendTask(perCustomer.embeddedSubProcess().startEvent())
        .endEvent("sent").subProcessDone().endEvent("done").done();
    ((ServiceTask) model.getModelElementById(CtaModel.TASK)).builder()
        .boundaryEvent("failed").errorEventDefinition().errorCodeVariable("sendError").errorEventDefinitionDone()
        .userTask("handle").endEvent("handled");
    deploy(model);

    ProcessInstance instance = startBatch(Trigger.LOW_BALANCE.recipient(), OK_1, Trigger.BAD_PAYLOAD.recipient());

    assertThat(tasks.getVariable(handlerFor(instance, Trigger.LOW_BALANCE.recipient()).getId(), "sendError"))
        .isEqualTo("E110");
    assertThat(tasks.getVariable(handlerFor(instance, Trigger.BAD_PAYLOAD.recipient()).getId(), "sendError"))
        .isEqualTo("WA400");
  }

  /** start → parallel multi-instance sub-process over ${recipients}: send, catch-all boundary → user task "handle". */
  private BpmnModelInstance perCustomer(boolean async) {
    var perCustomer = Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start").subProcess("perCustomer");
    perCustomer.multiInstance().parallel().camundaCollection("${recipients}").camundaElementVariable("recipient")
        .multiInstanceDone();
    ServiceTaskBuilder send = sendTask(perCustomer.embeddedSubProcess().startEvent()).camundaAsyncBefore(async);
    BpmnModelInstance model = send.endEvent("sent").subProcessDone().endEvent("done").done();
    ((ServiceTask) model.getModelElementById(CtaModel.TASK)).builder()
        .boundaryEvent("failed").error().userTask("handle").endEvent("handled");
    return model;
  }

  private static ServiceTaskBuilder sendTask(org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder<?, ?> before) {
    ServiceTaskBuilder send = before.serviceTask(CtaModel.TASK)
        .camundaClass(SendWhatsAppCtaDelegate.class.getName());
    for (String input : Inputs.minimal().keySet()) {
      send = send.camundaInputParameter(input, "${" + input + "}");
    }
    return send;
  }

  private ProcessInstance startBatch(String... recipients) {
    Map<String, Object> variables = Inputs.minimal();
    variables.remove("recipient");
    variables.put("recipients", List.of(recipients));
    return start(variables);
  }

  private Task handlerFor(ProcessInstance instance, String recipient) {
    return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey("handle").list().stream()
        .filter(task -> recipient.equals(tasks.getVariable(task.getId(), "recipient")))
        .findFirst().orElseThrow(() -> new AssertionError("no handler task for " + recipient));
  }
}
