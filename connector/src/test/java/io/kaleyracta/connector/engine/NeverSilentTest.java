package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.Trigger;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** An error code nothing catches fails loudly; Camunda's default would end the instance silently. */
class NeverSilentTest extends EngineTest {

  @Test
  void aSynchronousCallerGetsAnExceptionNamingTheCode() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catching("WA400"));

    assertThatThrownBy(() -> start(Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient())))
        .isInstanceOf(UnhandledKaleyraErrorException.class)
        .hasMessageContaining("E110")
        .hasMessageContaining("Please check your balance")
        .hasMessageContaining("no error boundary event or error event sub-process catches E110");
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(CtaModel.PROCESS).count())
        .isZero();
  }

  @Test
  void anAsynchronousJobLeavesAnIncidentAndTheInstanceWaits() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async());
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    for (int run = 0; run < 3; run++) {
      assertThatThrownBy(() -> management.executeJob(job.getId()))
          .isInstanceOf(UnhandledKaleyraErrorException.class);
    }

    Incident incident = runtime.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
    assertThat(incident).isNotNull();
    assertThat(incident.getActivityId()).isEqualTo(CtaModel.TASK);
    assertThat(incident.getIncidentMessage()).contains("E110");
    assertThat(ended(instance)).isFalse();
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isOne();
  }

  @Test
  void invalidInputWithoutABoundaryFailsLoudlyToo() {
    Map<String, Object> inputs = Inputs.minimalWith("buttonText", "far too long for a button");
    deploy(CtaModel.withInputs(inputs.keySet()));

    assertThatThrownBy(() -> start(inputs))
        .isInstanceOf(UnhandledKaleyraErrorException.class)
        .hasMessageContaining("KALEYRA_INVALID_INPUT")
        .hasMessageContaining("buttonText: at most 20 characters");
    assertThat(sandbox.requests()).isEmpty();
  }

  @Test
  void aCatchAllBoundaryCounts() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catchingAll());

    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.LOW_BALANCE.recipient()));

    assertThat(passed(instance, "caught_any")).isTrue();
    assertThat(variable(instance, SendWhatsAppCtaDelegate.ERROR_CODE)).isEqualTo("E110");
  }
}
