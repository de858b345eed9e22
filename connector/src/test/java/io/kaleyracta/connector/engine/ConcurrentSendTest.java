package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.sandbox.AcceptedMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Many asynchronous sends at once share one REST client and each lands in its own instance. */
class ConcurrentSendTest extends EngineTest {

  private static final int INSTANCES = 200;

  @Test
  void twoHundredAsyncInstancesSendTwoHundredDistinctMessages() throws Exception {
    Map<String, Object> template = Inputs.minimalWith("ref", "placeholder");
    deploy(CtaModel.withInputs(template.keySet()).async());
    List<ProcessInstance> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      Map<String, Object> inputs = Inputs.minimalWith("ref", "customer-" + i);
      instances.add(start(inputs));
    }
    List<Job> jobs = management.createJobQuery().processDefinitionKey(CtaModel.PROCESS).list();
    assertThat(jobs).hasSize(INSTANCES);

    ExecutorService workers = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (Job job : jobs) {
        runs.add(workers.submit(() -> management.executeJob(job.getId())));
      }
      for (Future<?> run : runs) {
        run.get(60, TimeUnit.SECONDS);
      }
    } finally {
      workers.shutdownNow();
    }

    assertThat(sandbox.requests()).hasSize(INSTANCES);
    Map<String, AcceptedMessage> byRef = sandbox.accepted().stream()
        .collect(Collectors.toMap(AcceptedMessage::ref, Function.identity()));
    assertThat(byRef).hasSize(INSTANCES);
    assertThat(sandbox.accepted().stream().map(AcceptedMessage::messageId).distinct()).hasSize(INSTANCES);
    for (int i = 0; i < INSTANCES; i++) {
      ProcessInstance instance = instances.get(i);
      assertThat(ended(instance)).isTrue();
      assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(byRef.get("customer-" + i).messageId());
    }
  }
}
