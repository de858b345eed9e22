package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Outcome;
import io.kaleyracta.example.demo.Route;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.RecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The example application (Spring Boot, Camunda 7, H2, job executor on) with the real diagram, against the sandbox
 * the one command uses, in its demo profile. Every test class extending this shares one application context and
 * one sandbox (unless it changes the configuration). The connector's in-call backoff is shortened so the outage
 * routes run in seconds. The status endpoint listens on a random port (without the web apps, as in the one-shot
 * run), and before each test the sandbox's status callbacks are pointed at it as the one command does
 * ({@link SandboxCallbacks}): an earlier test class's context may have had them.
 */
@SpringBootTest(classes = ReminderExampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"kaleyra.retry.backoff-ms=50", "camunda.bpm.webapp.enabled=false"})
@ActiveProfiles(KaleyraTarget.DEMO_PROFILE)
abstract class JourneyTest {

  static final Duration SETTLE = Duration.ofSeconds(40);
  static final Map<String, Object> DEMO_VARIABLES = Map.of(
      "retrySchedule", ReminderExampleApplication.DEMO_RETRY_SCHEDULE,
      "readDeadline", ReminderExampleApplication.DEMO_READ_DEADLINE);
  static final KaleyraSandbox SANDBOX = TestKaleyra.sandbox();

  @DynamicPropertySource
  static void sandboxPort(DynamicPropertyRegistry registry) {
    registry.add(KaleyraTarget.SANDBOX_PORT_PROPERTY, SANDBOX::port);
  }

  @Autowired
  ProcessEngine engine;

  @Autowired
  Environment environment;

  @LocalServerPort
  int port;

  @BeforeEach
  void forgetEarlierRequestsAndReportStatusesHere() {
    SANDBOX.reset();
    SandboxCallbacks.pointAt(SANDBOX, environment, port);
  }

  static DemoCustomer customer(String phone) {
    return new DemoCustomer("C-9001", "Lakshmi Menon", phone, "APT-9001", "test", Route.READ, null, 0);
  }

  /**
   * Starts the journey for the customer with the demo's one-second retry timers and seconds-long read deadline, and
   * waits until it settles.
   */
  JourneyRun.Result run(DemoCustomer customer) throws InterruptedException {
    return run(customer, DEMO_VARIABLES);
  }

  JourneyRun.Result run(DemoCustomer customer, Map<String, Object> extraVariables) throws InterruptedException {
    return new JourneyRun(engine, extraVariables).run(List.of(customer), SETTLE).get(0);
  }

  /** Waits until the instance's outcome satisfies the condition; returns the last outcome seen. */
  Outcome await(String processInstanceId, Predicate<Outcome> condition) throws InterruptedException {
    JourneyRun run = new JourneyRun(engine, Map.of());
    long deadline = System.nanoTime() + SETTLE.toNanos();
    Outcome outcome = run.observe(processInstanceId);
    while (!condition.test(outcome) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      outcome = run.observe(processInstanceId);
    }
    return outcome;
  }

  Object variable(String processInstanceId, String name) {
    var variable = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult();
    return variable == null ? null : variable.getValue();
  }

  void assertWaitingAt(JourneyRun.Result result, String userTask, String errorCode) {
    assertThat(result.outcome().kind()).as("%s", result.outcome()).isEqualTo(Route.Kind.WAITING);
    assertThat(result.outcome().activityId()).isEqualTo(userTask);
    assertThat(result.outcome().errorCode()).isEqualTo(errorCode);
    assertThat(variable(result.processInstanceId(), "kaleyraErrorCode")).isEqualTo(errorCode);
    assertThat(result.outcome().messageId()).isNull();
    assertThat(SANDBOX.accepted()).isEmpty();
  }

  static List<RecordedRequest> requests() {
    return SANDBOX.requests();
  }

  static List<Integer> statuses() {
    return SANDBOX.requests().stream().map(RecordedRequest::status).toList();
  }
}
