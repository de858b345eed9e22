package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.Trigger;
import java.util.List;
import java.util.Map;

/** A job the engine runs again after Kaleyra's 202 does not send a second message. */
class NoDoubleSendTest extends EngineTest {

  /** Fails the transaction once per process instance, after the send, as a database error would. */
  public static class FailsOnceAfterSend implements JavaDelegate {
    static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    @Override
    public void execute(DelegateExecution execution) {
      if (FAILED.add(execution.getProcessInstanceId())) {
        throw new IllegalStateException("simulated failure after the send (e.g. an optimistic lock)");
      }
    }
  }

  @Test
  void aRetriedJobRestoresTheMessageIdWithoutSendingAgain() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async().thenRun(FailsOnceAfterSend.class));
    ProcessInstance instance = start(Inputs.minimal());
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated failure");
    assertThat(sandbox.accepted()).hasSize(1);
    assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);

    management.executeJob(job.getId());

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(ended(instance)).isTrue();
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
  }

  @Test
  void aProcessThatLoopsBackToTheTaskSendsAgain() {
    BpmnModelInstance model = Bpmn.createExecutableProcess(CtaModel.PROCESS)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .exclusiveGateway("join")
        .serviceTask(CtaModel.TASK)
        .camundaClass(SendWhatsAppCtaDelegate.class.getName())
        .camundaAsyncBefore()
        .camundaInputParameter("recipient", "${recipient}")
        .camundaInputParameter("bodyText", "${bodyText}")
        .camundaInputParameter("buttonText", "${buttonText}")
        .camundaInputParameter("buttonUrl", "${buttonUrl}")
        .userTask("again")
        .exclusiveGateway("more")
        .condition("once more", "${repeat}")
        .connectTo("join")
        .moveToNode("more")
        .condition("done", "${!repeat}")
        .endEvent()
        .done();
    deploy(model);
    var variables = Inputs.minimal();
    variables.put("repeat", true);
    ProcessInstance instance = start(variables);

    var tasks = engine.getProcessEngine().getTaskService();
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId());
    management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());
    tasks.complete(tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
        java.util.Map.of("repeat", false));

    assertThat(ended(instance)).isTrue();

    assertThat(sandbox.accepted()).hasSize(2);
    assertThat(sandbox.accepted().get(0).messageId()).isNotEqualTo(sandbox.accepted().get(1).messageId());
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Trigger.class, names = {"HTML_BAD_GATEWAY", "SLOW"})
  void anUnknownOutcomeIsNotResentWhenTheJobIsRetried(Trigger trigger) throws InterruptedException {
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "300");
    sandbox.slowDelay(java.time.Duration.ofMillis(800));
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async()); // no boundary: every run fails the job
    ProcessInstance instance = start(Inputs.minimalWith("recipient", trigger.recipient()));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    for (int run = 0; run < 3; run++) {
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(UnhandledKaleyraErrorException.class).hasMessageContaining("KALEYRA_OUTCOME_UNKNOWN");
    }

    awaitRequests(2);
    assertThat(sandbox.requests()).hasSize(1);
    assertThat(runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult().getIncidentMessage())
        .contains("KALEYRA_OUTCOME_UNKNOWN").contains("may or may not have been sent");
  }

  @Test
  void everyRunOfAMultiInstanceTaskInOneJobSendsItsOwnMessageAndARetrySendsNoneAgain() {
    // one job (after the start event) runs a parallel multi-instance sub-process three times, each sending
    var perCustomer = Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start").camundaAsyncAfter().subProcess("perCustomer");
    perCustomer.multiInstance().parallel().camundaCollection("${recipients}").camundaElementVariable("recipient")
        .multiInstanceDone();
    var builder = perCustomer.embeddedSubProcess().startEvent()
        .serviceTask(CtaModel.TASK).camundaClass(SendWhatsAppCtaDelegate.class.getName());
    for (String input : Inputs.minimal().keySet()) {
      builder = builder.camundaInputParameter(input, "${" + input + "}");
    }
    BpmnModelInstance model = builder.endEvent().subProcessDone()
        .serviceTask("afterSend").camundaClass(FailsOnceAfterSend.class.getName()).endEvent("sent").done();
    deploy(model);
    Map<String, Object> variables = Inputs.minimal();
    variables.remove("recipient");
    variables.put("recipients", List.of("+919812345671", "+919812345672", "+919812345673"));
    ProcessInstance instance = start(variables);
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated failure");
    assertThat(sandbox.accepted()).extracting(AcceptedMessage::to)
        .containsExactlyInAnyOrder("+919812345671", "+919812345672", "+919812345673");

    management.executeJob(job.getId());

    assertThat(sandbox.requests()).hasSize(3);
    assertThat(ended(instance)).isTrue();
  }
}
