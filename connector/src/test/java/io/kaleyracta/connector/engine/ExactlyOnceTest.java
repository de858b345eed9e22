package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.ledger.LedgerEntry;
import io.kaleyracta.connector.ledger.LedgerSettings;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.testing.CapturedLogs;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.Trigger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.ProcessEngineImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exactly once with the default ledger (the table in the engine's database): claim, send, complete; a re-run finds
 * the claim; messages are recognised by their content, not their position.
 */
class ExactlyOnceTest extends EngineTest {

  private static final List<String> CUSTOMERS = List.of("+919812345671", "+919812345672", "+919812345673");

  /** Fails the transaction once per process instance, after the sends, as a database error would. */
  public static class FailsOnceAfterSend implements JavaDelegate {
    static final Set<String> FAILED = ConcurrentHashMap.newKeySet();

    @Override
    public void execute(DelegateExecution execution) {
      if (FAILED.add(execution.getProcessInstanceId())) {
        throw new IllegalStateException("simulated failure after the sends (e.g. an optimistic lock)");
      }
    }
  }

  /** Like {@code ${crm.dueCustomers()}} without a stable order: the second run lists the customers reversed. */
  public static class LoadsCustomersInAnyOrder implements JavaDelegate {
    static final AtomicInteger RUNS = new AtomicInteger();

    @Override
    public void execute(DelegateExecution execution) {
      List<String> customers = new ArrayList<>(CUSTOMERS);
      if (RUNS.incrementAndGet() % 2 == 0) {
        java.util.Collections.reverse(customers);
      }
      execution.setVariable("recipients", customers);
    }
  }

  /** Notes the message id each customer's instance ended up with. */
  public static class NotesTheId implements JavaDelegate {
    static final Map<String, String> ID_BY_CUSTOMER = new ConcurrentHashMap<>();

    @Override
    public void execute(DelegateExecution execution) {
      ID_BY_CUSTOMER.put((String) execution.getVariable("recipient"), (String) execution.getVariable("sentId"));
    }
  }

  @BeforeEach
  void forget() {
    LoadsCustomersInAnyOrder.RUNS.set(0);
    NotesTheId.ID_BY_CUSTOMER.clear();
  }

  @Test
  void twoRunsOfOneDeliveryAtOnceSendOnceAndTheLaterIsAnUnknownOutcomeSayingWhenTheFirstStarted() throws Exception {
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "30000");
    sandbox.slowDelay(Duration.ofSeconds(15)); // the second run starts well within this, even on a busy machine
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async().catching(SendOutcome.OUTCOME_UNKNOWN));
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.SLOW.recipient()));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    try (CapturedLogs logs = new CapturedLogs()) {
      // the first run is still waiting for Kaleyra when the job's lock expires and another run starts
      CompletableFuture<Void> first = CompletableFuture.runAsync(() -> management.executeJob(job.getId()));
      awaitRequests(1);
      Throwable secondFailed = catchThrowable(() -> management.executeJob(job.getId()));
      Throwable firstFailed = catchThrowable(() -> first.get(60, TimeUnit.SECONDS));

      assertThat(sandbox.requests()).hasSize(1);
      // the second run found the claim in flight and did not send
      assertThat(logs.lines()).filteredOn(line -> line.contains("KCTA-108")).singleElement().asString()
          .containsPattern("An earlier attempt of this delivery started at 20\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d.* on ")
          .contains("may or may not have been sent");
      // the engine commits one of the two runs; the other fails on its optimistic lock
      assertThat(secondFailed == null ^ firstFailed == null).isTrue();
      if (secondFailed == null) {
        assertThat(passed(instance, "caught_" + SendOutcome.OUTCOME_UNKNOWN)).isTrue();
        assertThat((String) variable(instance, SendWhatsAppCtaDelegate.ERROR_MESSAGE))
            .startsWith("An earlier attempt of this delivery started at ");
      } else {
        assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
      }
    }
  }

  @Test
  void aReorderedMultiInstanceReRunGivesEachCustomerTheIdOfTheirOwnMessage() {
    deploy(perCustomerCampaign(LoadsCustomersInAnyOrder.class));
    ProcessInstance instance = start(Inputs.minimal());
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated failure");
    management.executeJob(job.getId()); // the customers now come back in the reverse order

    assertThat(ended(instance)).isTrue();
    assertThat(sandbox.requests()).hasSize(3);
    assertThat(sandbox.accepted()).extracting(AcceptedMessage::to).containsExactlyInAnyOrderElementsOf(CUSTOMERS);
    for (AcceptedMessage message : sandbox.accepted()) {
      assertThat(NotesTheId.ID_BY_CUSTOMER).containsEntry(message.to(), message.messageId());
    }
  }

  /** The same text to the same number twice in one job. */
  public static class LoadsARepeat implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable("recipients", List.of(CUSTOMERS.get(0), CUSTOMERS.get(0), CUSTOMERS.get(1)));
    }
  }

  @Test
  void aDeliberateRepeatInOneJobIsSentEachTimeAndNotAgainOnTheReRun() {
    deploy(perCustomerCampaign(LoadsARepeat.class));
    ProcessInstance instance = start(Inputs.minimal());
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated failure");
    assertThat(sandbox.accepted()).extracting(AcceptedMessage::to)
        .containsExactly(CUSTOMERS.get(0), CUSTOMERS.get(0), CUSTOMERS.get(1));
    management.executeJob(job.getId());

    assertThat(ended(instance)).isTrue();
    assertThat(sandbox.requests()).hasSize(3);
  }

  @Test
  void theLedgerNamesTheProcessInstanceAndActivityOfEachAcceptedMessage() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async());
    ProcessInstance instance = runtime.startProcessInstanceByKey(CtaModel.PROCESS, "order-4711", Inputs.minimal());
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();
    management.executeJob(job.getId());

    String messageId = sandbox.accepted().get(0).messageId();
    LedgerEntry sent = EngineLedger.of(engine.getProcessEngine()).findByMessageId(messageId).orElseThrow();

    assertThat(sent.state()).isEqualTo(LedgerEntry.State.ACCEPTED);
    assertThat(sent.origin().processInstanceId()).isEqualTo(instance.getId());
    assertThat(sent.origin().activityId()).isEqualTo(CtaModel.TASK);
    assertThat(sent.origin().businessKey()).isEqualTo("order-4711");
    assertThat(sent.origin().jobId()).isEqualTo(job.getId());
  }

  @Test
  void aSendOutsideAJobIsRecordedForTheStatusCallbacksToo() {
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));
    ProcessInstance instance = start(Inputs.minimal());

    LedgerEntry sent = EngineLedger.of(engine.getProcessEngine())
        .findByMessageId((String) variable(instance, CtaModel.RESULT_VARIABLE)).orElseThrow();

    assertThat(sent.origin().processInstanceId()).isEqualTo(instance.getId());
    assertThat(sent.origin().jobId()).isNull();
  }

  @Test
  void withTheMemorySettingTheGuardStaysInThisJvmAndNothingIsWrittenToTheTable() throws Exception {
    TestConfig.set(LedgerSettings.LEDGER, "memory");
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async().thenRun(FailsOnceAfterSend.class));
    ProcessInstance instance = start(Inputs.minimal());
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("simulated failure");
    management.executeJob(job.getId());

    assertThat(sandbox.requests()).hasSize(1);
    assertThat(variable(instance, CtaModel.RESULT_VARIABLE)).isEqualTo(sandbox.accepted().get(0).messageId());
    assertThat(ledgerRows(instance)).isZero();
  }

  @Test
  void aRejectedSendReleasesItsClaimSoTheNextRunSendsAgain() throws Exception {
    TestConfig.set(KaleyraConfig.RETRY_MAX_ATTEMPTS, "1");
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()).async()); // no boundary: WA500 fails the job
    ProcessInstance instance = start(Inputs.minimalWith("recipient", Trigger.SERVER_ERROR.recipient()));
    Job job = management.createJobQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("WA500");
    assertThatThrownBy(() -> management.executeJob(job.getId())).hasMessageContaining("WA500");

    assertThat(sandbox.requests()).hasSize(2); // nothing reached the customer, so trying again is safe
    assertThat(ledgerRows(instance)).isZero();
  }

  private int ledgerRows(ProcessInstance instance) throws Exception {
    var dataSource = ((ProcessEngineImpl) engine.getProcessEngine()).getProcessEngineConfiguration().getDataSource();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(
            "select count(*) from KCTA_SEND_LEDGER where PROC_INST_ID_ = ?")) {
      statement.setString(1, instance.getId());
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** One job: load the customers, send each their message in a parallel multi-instance, then fail once. */
  private static BpmnModelInstance perCustomerCampaign(Class<? extends JavaDelegate> loader) {
    var perCustomer = Bpmn.createExecutableProcess(CtaModel.PROCESS).camundaHistoryTimeToLive(1)
        .startEvent("start").camundaAsyncAfter()
        .serviceTask("loadCustomers").camundaClass(loader.getName())
        .subProcess("perCustomer");
    perCustomer.multiInstance().parallel().camundaCollection("${recipients}").camundaElementVariable("recipient")
        .multiInstanceDone();
    var send = perCustomer.embeddedSubProcess().startEvent()
        .serviceTask(CtaModel.TASK).camundaClass(SendWhatsAppCtaDelegate.class.getName());
    for (String input : Inputs.minimal().keySet()) {
      send = send.camundaInputParameter(input, "${" + input + "}");
    }
    return send.camundaOutputParameter("sentId", "${messageId}")
        .serviceTask("noteId").camundaClass(NotesTheId.class.getName())
        .endEvent().subProcessDone()
        .serviceTask("afterSend").camundaClass(FailsOnceAfterSend.class.getName()).endEvent("sent").done();
  }
}
