package io.kaleyracta.connector.status.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.status.CallbackCredentials;
import io.kaleyracta.connector.status.DeliveryStatus;
import io.kaleyracta.connector.status.StatusEvent;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.testing.CallbackServer;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.StatusTables;
import io.kaleyracta.sandbox.SentCallback;
import io.kaleyracta.sandbox.StatusScript;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real engine sends through the sandbox, the sandbox reports statuses over HTTP like Kaleyra, and the
 * "Wait for WhatsApp status" receive task ends on them.
 */
class StatusWaitProcessTest extends EngineTest {

  static final String PROCESS = "statusWait";

  private ProcessEngineConfigurationImpl configuration;
  private StatusInbox inbox;
  private CallbackServer callbacks;

  @BeforeEach
  void startCallbackEndpoint() {
    configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngine().getProcessEngineConfiguration();
    inbox = StatusCallbackEndpoint.inbox(configuration);
    StatusTables.empty(configuration.getDataSource());
    callbacks = new CallbackServer(StatusCallbackEndpoint.forEngine(engine.getProcessEngine(), Map.of(
        CallbackCredentials.USERNAME, CallbackServer.USERNAME, CallbackCredentials.PASSWORD,
        CallbackServer.PASSWORD)::get));
    sandbox.statusCallbackDelay(Duration.ofMillis(20));
    sandbox.sendStatusCallbacks(callbacks.url(), CallbackServer.USERNAME, CallbackServer.PASSWORD);
  }

  @AfterEach
  void stopCallbackEndpoint() {
    sandbox.sendStatusCallbacks(null, null, null);
    callbacks.close();
  }

  @Test
  void readEndsAWaitForReadWithStatusAndTime() {
    deploy(model("READ"));

    ProcessInstance instance = send(StatusScript.READ.recipient());

    awaitEnded(instance);
    assertThat(passed(instance, "statusRead")).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("READ");
    assertThat((Date) variable(instance, StatusWait.STATUS_TIME)).isCloseTo(new Date(), 60_000);
    assertThat(variable(instance, StatusWait.ERROR_CODE)).isNull();
    assertThat(acknowledged()).isTrue();
  }

  @Test
  void failedEndsAWaitForReadWithMetasCodeAndTitle() {
    deploy(model("READ"));

    ProcessInstance instance = send(StatusScript.FAILED_REENGAGEMENT.recipient());

    awaitEnded(instance);
    assertThat(passed(instance, "statusFailed")).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("FAILED");
    assertThat(variable(instance, StatusWait.ERROR_CODE)).isEqualTo("131047");
    assertThat(variable(instance, StatusWait.ERROR_TITLE)).isEqualTo("Re-engagement message");
  }

  @Test
  void notSentEndsAWaitForDelivered() {
    deploy(model("DELIVERED"));

    ProcessInstance instance = send(StatusScript.NOT_SENT.recipient());

    awaitEnded(instance);
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("NOT-SENT");
    assertThat(passed(instance, "statusFailed")).isTrue();
  }

  @Test
  void aStatusThatBeatTheSendsCommitEndsTheWaitAsSoonAsItIsReached() {
    deploy(model("READ"));

    ProcessInstance instance = send(StatusScript.BEFORE_ACCEPT.recipient());

    assertThat(ended(instance)).as("ended within the start call, right after its commit").isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("READ");
  }

  @Test
  void aStatusStoredAfterTheWaitStartedButBeforeItsCommitEndsTheWaitRightAfterTheCommit() {
    deploy(waitTask(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent(), "wait",
        "${messageId}", "READ")
        .camundaExecutionListenerClass("start", StoreReadNow.class.getName())
        .endEvent("statusRead").done());

    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("messageId", "RACE-1"));

    assertThat(inbox.statusesOf("RACE-1")).hasSize(1);
    assertThat(ended(instance)).as("no callback will come again: the check after the commit ended it").isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("READ");
  }

  /**
   * Stores READ for the wait's message id on its own connection, committed at once, while the wait's transaction is
   * still open: a callback that arrives in that window, whose own correlation finds no committed wait.
   */
  public static class StoreReadNow implements org.camunda.bpm.engine.delegate.ExecutionListener {
    @Override
    public void notify(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      StatusCallbackEndpoint.inbox(org.camunda.bpm.engine.impl.context.Context.getProcessEngineConfiguration())
          .accept(List.of(event((String) execution.getVariableLocal(StatusWait.MESSAGE_ID), DeliveryStatus.READ)));
    }
  }

  @Test
  void aStatusThatArrivedWhileTheProcessWasElsewhereIsNotLost() throws InterruptedException {
    deploy(model("READ", true));
    ProcessInstance instance = send(StatusScript.READ.recipient());
    awaitCallbacks(3);
    assertThat(sandbox.statusCallbacks()).extracting(SentCallback::messageId).as("this message's three, READ last")
        .containsOnly((String) runtime.getVariable(instance.getId(), "kaleyraMessageId"));
    assertThat(ended(instance)).isFalse();

    runtime.signal(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("review")
        .singleResult().getId());

    assertThat(ended(instance)).isTrue();
    assertThat(variable(instance, StatusWait.STATUS)).isEqualTo("READ");
  }

  @Test
  void duplicateAndOutOfOrderCallbacksEndEachWaitOnceInBusinessOrder() throws InterruptedException {
    deploy(model("DELIVERED"));

    ProcessInstance duplicates = send(StatusScript.DUPLICATES.recipient());
    ProcessInstance outOfOrder = send(StatusScript.OUT_OF_ORDER.recipient());
    awaitCallbacks(9);

    for (ProcessInstance instance : List.of(duplicates, outOfOrder)) {
      assertThat(ended(instance)).isTrue();
      assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
          .activityId("statusRead").count()).isEqualTo(1);
    }
    assertThat(variable(outOfOrder, StatusWait.STATUS)).as("READ came first and satisfies DELIVERED")
        .isEqualTo("READ");
    assertThat(variable(duplicates, StatusWait.STATUS)).isIn("DELIVERED", "READ");
    String id = (String) variable(duplicates, "kaleyraMessageId");
    assertThat(inbox.statusesOf(id)).extracting(StatusEvent::status).as("each status stored once")
        .containsExactlyInAnyOrder(DeliveryStatus.SENT, DeliveryStatus.DELIVERED, DeliveryStatus.READ);
  }

  @Test
  void deliveredDoesNotEndAWaitForReadAndTheTimerTakesOver() throws InterruptedException {
    deploy(model("READ"));
    ProcessInstance instance = send(StatusScript.DELIVERED_ONLY.recipient());
    awaitCallbacks(2);
    assertThat(ended(instance)).isFalse();

    Job deadline = management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    management.executeJob(deadline.getId());

    assertThat(passed(instance, "unread")).isTrue();
    assertThat(hasVariable(instance, StatusWait.STATUS)).isFalse();
  }

  @Test
  void twoWaitsInOneProcessDoNotCross() throws InterruptedException {
    deploy(twoMessages());

    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS);
    awaitCallbacks(5);

    assertThat(passed(instance, "firstRead")).as("first message was read").isTrue();
    assertThat(runtime.createExecutionQuery().processInstanceId(instance.getId()).activityId("waitSecond").count())
        .as("the second message, only delivered, still waits").isEqualTo(1);
    assertThat(ended(instance)).isFalse();
  }

  @Test
  void theSweepEndsAWaitWhoseStatusWasStoredButNotCorrelated() {
    deploy(model("READ"));
    sandbox.sendStatusCallbacks(null, null, null);
    ProcessInstance instance = send(StatusScript.SILENT.recipient());
    String id = (String) runtime.getVariable(instance.getId(), "kaleyraMessageId");
    inbox.accept(List.of(new StatusEvent(List.of(id), DeliveryStatus.READ, Instant.now(), null, null, null, null,
        null)));
    assertThat(ended(instance)).isFalse();

    int ended = sweeper(Clock.systemUTC()).sweep();

    assertThat(ended).isEqualTo(1);
    assertThat(passed(instance, "statusRead")).isTrue();
  }

  @Test
  void statusesOfAMessageThisEngineSentAreKeptForAWaitReachedLaterUntilTheRetention() {
    deploy(sendThenEnd());
    sandbox.sendStatusCallbacks(null, null, null);
    ProcessInstance sent = send(StatusScript.SILENT.recipient());
    String id = (String) engine.getProcessEngine().getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(sent.getId()).variableName("kaleyraMessageId").singleResult().getValue();
    inbox.accept(List.of(event(id, DeliveryStatus.READ), event("foreign-id", DeliveryStatus.READ)));

    sweeper(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61))).sweep();
    assertThat(inbox.statusesOf(id)).as("the ledger knows it: kept though no wait asks yet").hasSize(1);
    assertThat(inbox.statusesOf("foreign-id")).as("nobody here sent it").isEmpty();
    assertThat(inbox.unknownReceivedBefore(Instant.now().plus(Duration.ofDays(1)), 10))
        .as("marked known, so later rounds look only at new ids").isEmpty();

    sweeper(Clock.offset(Clock.systemUTC(), Duration.ofDays(8))).sweep();
    assertThat(inbox.statusesOf(id)).as("gone after the retention").isEmpty();
  }

  @Test
  void theSweepWalksThroughEveryWaitNotOnlyTheFirstPage() {
    deploy(waitOnly("${messageId}", "READ"));
    for (int i = 0; i < 5; i++) {
      runtime.startProcessInstanceByKey(PROCESS, Map.of("messageId", "silent-" + i));
    }
    ProcessInstance late = runtime.startProcessInstanceByKey(PROCESS, Map.of("messageId", "read-late"));
    inbox.accept(List.of(event("read-late", DeliveryStatus.READ))); // stored, never correlated (as after a crash)
    StatusSweeper sweeper = sweeper(Clock.systemUTC(), 2);

    for (int round = 0; round < 4 && !ended(late); round++) {
      sweeper.sweep();
    }

    assertThat(ended(late)).as("six waits, two a round: the late one is reached within four rounds").isTrue();
  }

  @Test
  void aWaitWhoseNextTaskFailsStaysWaitingAndTheSweepStillCleansUp() {
    deploy(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
        .receiveTask("wait").camundaInputParameter(StatusWait.MESSAGE_ID, "${messageId}")
        .camundaInputParameter(StatusWait.STATUSES, "READ")
        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName())
        .serviceTask("smsGatewayDown").camundaClass(FailingSmsGateway.class.getName())
        .endEvent("done").done());
    ProcessInstance instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("messageId", "next-fails"));
    inbox.accept(List.of(event("next-fails", DeliveryStatus.READ), event("foreign-old", DeliveryStatus.READ)));

    int ended = sweeper(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61))).sweep();

    assertThat(ended).isZero();
    assertThat(ended(instance)).as("rolled back: still waiting, the sweep tries again").isFalse();
    assertThat(inbox.statusesOf("foreign-old")).as("the clean-up ran in the same round").isEmpty();
  }

  /** A task after the wait that throws a plain runtime exception, which the engine passes on unwrapped. */
  public static class FailingSmsGateway implements org.camunda.bpm.engine.delegate.JavaDelegate {
    @Override
    public void execute(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
      throw new IllegalStateException("SMS gateway down");
    }
  }

  @Test
  void statusesOfAnIdNoWaitAsksForAreDroppedAfterTheUnknownRetention() {
    deploy(model("READ"));
    sandbox.sendStatusCallbacks(null, null, null);
    ProcessInstance waiting = send(StatusScript.SILENT.recipient());
    String awaited = (String) runtime.getVariable(waiting.getId(), "kaleyraMessageId");
    inbox.accept(List.of(event("unknown-id-1", DeliveryStatus.READ), event(awaited, DeliveryStatus.DELIVERED)));

    sweeper(Clock.systemUTC()).sweep();
    assertThat(inbox.statusesOf("unknown-id-1")).as("kept for a while").hasSize(1);

    sweeper(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(61))).sweep();
    assertThat(inbox.statusesOf("unknown-id-1")).as("dropped after 60 minutes").isEmpty();
    assertThat(inbox.statusesOf(awaited)).as("a wait asks for it").hasSize(1);
  }

  @Test
  void aWaitWithoutMessageIdFailsVisibly() {
    deploy(waitOnly("${missingId}", "READ"));

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS, Map.of("missingId", "")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("KCTA-413")
        .hasMessageContaining(StatusWait.MESSAGE_ID);
  }

  @Test
  void aWaitForAnUnknownStatusFailsNamingIt() {
    deploy(waitOnly("some-id", "SEEN"));

    assertThatThrownBy(() -> runtime.startProcessInstanceByKey(PROCESS))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("'SEEN'")
        .hasMessageContaining(StatusWait.STATUSES);
  }

  private StatusSweeper sweeper(Clock clock) {
    return sweeper(clock, 500);
  }

  private StatusSweeper sweeper(Clock clock, int batch) {
    SendLedger ledger = EngineLedger.of(configuration);
    return new StatusSweeper(inbox, new StatusCorrelator(configuration, inbox),
        id -> ledger.findByMessageId(id).isPresent(), Duration.ofMinutes(60), Duration.ofDays(7), clock, batch);
  }

  private static StatusEvent event(String id, DeliveryStatus status) {
    return new StatusEvent(List.of(id), status, Instant.now(), null, null, null, null, null);
  }

  private ProcessInstance send(String recipient) {
    return runtime.startProcessInstanceByKey(PROCESS, Map.of("recipient", recipient));
  }

  private boolean acknowledged() {
    return sandbox.statusCallbacks().stream().allMatch(SentCallback::acknowledged);
  }

  private void awaitEnded(ProcessInstance instance) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!ended(instance) && System.nanoTime() < deadline) {
      pause();
    }
  }

  private void awaitCallbacks(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (sandbox.statusCallbacks().size() < count && System.nanoTime() < deadline) {
      pause();
    }
    assertThat(sandbox.statusCallbacks()).hasSize(count).allMatch(SentCallback::acknowledged);
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** send -> [review] -> wait for {@code statuses} (1 h deadline) -> read / failed / unread. */
  static BpmnModelInstance model(String statuses) {
    return model(statuses, false);
  }

  static BpmnModelInstance model(String statuses, boolean reviewFirst) {
    AbstractFlowNodeBuilder<?, ?> flow = sendTask(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent(), "send", "${recipient}", "kaleyraMessageId");
    if (reviewFirst) {
      flow = flow.receiveTask("review");
    }
    return waitTask(flow, "wait", "${kaleyraMessageId}", statuses)
        .exclusiveGateway("route")
        .condition("failed", "${kaleyraStatus == 'FAILED' || kaleyraStatus == 'NOT-SENT'}")
        .endEvent("statusFailed")
        .moveToLastGateway()
        .condition("progress", "${kaleyraStatus != 'FAILED' && kaleyraStatus != 'NOT-SENT'}")
        .endEvent("statusRead")
        .moveToActivity("wait")
        .boundaryEvent("deadline").timerWithDuration("PT1H").endEvent("unread")
        .done();
  }

  /** Two messages in parallel branches, each with its own wait for READ. */
  static BpmnModelInstance twoMessages() {
    AbstractFlowNodeBuilder<?, ?> fork = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
        .startEvent().parallelGateway("fork");
    waitTask(sendTask(fork, "sendFirst", StatusScript.READ.recipient(), "firstId"), "waitFirst", "${firstId}",
        "READ").endEvent("firstRead");
    BpmnModelInstance model = waitTask(sendTask(fork.moveToNode("fork"), "sendSecond",
        StatusScript.DELIVERED_ONLY.recipient(), "secondId"), "waitSecond", "${secondId}", "READ")
        .endEvent("secondRead").done();
    return model;
  }

  /** send -> end: a message no wait asks for. */
  static BpmnModelInstance sendThenEnd() {
    return sendTask(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent(), "send",
        "${recipient}", "kaleyraMessageId").endEvent().done();
  }

  static BpmnModelInstance waitOnly(String messageId, String statuses) {
    return waitTask(Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent(), "wait",
        messageId, statuses).endEvent().done();
  }

  static AbstractFlowNodeBuilder<?, ?> sendTask(AbstractFlowNodeBuilder<?, ?> flow, String id, String recipient,
      String resultVariable) {
    return flow.serviceTask(id).camundaClass(SendWhatsAppCtaDelegate.class.getName())
        .camundaInputParameter("recipient", recipient)
        .camundaInputParameter("bodyText", "Your appointment is tomorrow at 10:00.")
        .camundaInputParameter("buttonText", "Manage booking")
        .camundaInputParameter("buttonUrl", "https://example.com/b/42")
        .camundaOutputParameter(resultVariable, "${messageId}");
  }

  static AbstractFlowNodeBuilder<?, ?> waitTask(AbstractFlowNodeBuilder<?, ?> flow, String id, String messageId,
      String statuses) {
    return flow.receiveTask(id).name("Wait for WhatsApp status")
        .camundaInputParameter(StatusWait.MESSAGE_ID, messageId)
        .camundaInputParameter(StatusWait.STATUSES, statuses)
        .camundaExecutionListenerClass("start", StatusWaitListener.class.getName());
  }

}
