package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CapturedLogs;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.Trigger;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** The API key lives only in configuration: no variable, history entry, incident, exception or log line has it. */
class ApiKeySecrecyTest extends EngineTest {

  private static final String WRONG_KEY = "wrong-key-that-must-stay-secret-too";

  @Test
  void theApiKeyAppearsNowhereTheEngineOrTheLogsKeep() {
    List<String> seen = new ArrayList<>();
    try (CapturedLogs logs = new CapturedLogs()) {
      deploy(CtaModel.withInputs(Inputs.full().keySet()).async().catching("E110", "RBC001"));
      // accepted, rejected by Kaleyra, rejected for a wrong key, and an incident
      List<ProcessInstance> instances = List.of(
          start(Inputs.full()),
          start(withRecipient(Trigger.LOW_BALANCE.recipient())),
          start(withRecipient(Trigger.HTML_BAD_GATEWAY.recipient())));
      for (Job job : management.createJobQuery().list()) {
        runExpectingAnything(job.getId());
      }
      TestConfig.set(KaleyraConfig.API_KEY, WRONG_KEY);
      ProcessInstance wrongKey = start(Inputs.full());
      runExpectingAnything(management.createJobQuery().processInstanceId(wrongKey.getId()).singleResult().getId());
      TestConfig.set(KaleyraConfig.SID, null);
      ProcessInstance noSid = start(Inputs.full());
      runExpectingAnything(management.createJobQuery().processInstanceId(noSid.getId()).singleResult().getId());

      assertThat(sandbox.accepted()).hasSize(1);
      assertThat(passed(instances.get(1), "caught_E110")).isTrue();
      assertThat(passed(wrongKey, "caught_RBC001")).isTrue();
      seen.addAll(logs.lines());
    }

    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery().list()) {
      seen.add(variable.getName() + "=" + variable.getValue());
    }
    for (HistoricDetail detail : history.createHistoricDetailQuery().list()) {
      seen.add(detail.toString());
    }
    for (Incident incident : runtime.createIncidentQuery().list()) {
      seen.add(incident.getIncidentMessage());
    }
    for (Job job : management.createJobQuery().withException().list()) {
      seen.add(job.getExceptionMessage());
      seen.add(management.getJobExceptionStacktrace(job.getId()));
    }
    history.createHistoricJobLogQuery().failureLog().list()
        .forEach(log -> seen.add(history.getHistoricJobLogExceptionStacktrace(log.getId())));

    assertThat(runtime.createIncidentQuery().count()).as("the HTML 502 and the missing SID leave incidents")
        .isEqualTo(2);
    assertThat(seen).as("captured log lines and engine records").hasSizeGreaterThan(50);
    assertThat(String.join("\n", seen))
        .contains("KCTA-100") // our own INFO line was captured
        .contains("api-key: (omitted)") // and our DEBUG request line
        .contains("kaleyra.sid is missing")
        .doesNotContain(KaleyraSandbox.API_KEY)
        .doesNotContain(WRONG_KEY);
  }

  private java.util.Map<String, Object> withRecipient(String recipient) {
    java.util.Map<String, Object> inputs = Inputs.full();
    inputs.put("recipient", recipient);
    return inputs;
  }

  private void runExpectingAnything(String jobId) {
    for (int run = 0; run < 3; run++) {
      if (management.createJobQuery().jobId(jobId).count() == 0) {
        return;
      }
      try {
        management.executeJob(jobId);
      } catch (RuntimeException expected) {
        // failures are part of the scenario; what they leave behind is checked above
      }
    }
  }

  @Test
  void anUnhandledErrorsExceptionHasNoKey() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).catching(SendOutcome.INVALID_INPUT));

    assertThatThrownBy(() -> start(Inputs.minimalWith("recipient", Trigger.AUTH_FAILURE.recipient())))
        .isInstanceOf(UnhandledKaleyraErrorException.class)
        .hasMessageContaining("RBC001")
        .message().doesNotContain(KaleyraSandbox.API_KEY);
  }
}
