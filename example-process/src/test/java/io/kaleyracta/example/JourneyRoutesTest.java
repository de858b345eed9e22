package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Outcome;
import io.kaleyracta.example.demo.Route;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.MediaHeader;
import io.kaleyracta.sandbox.RecordedRequest;
import io.kaleyracta.sandbox.Trigger;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** {@code appointment-reminder.bpmn}, every route, on the example application against the sandbox. */
@ExtendWith(OutputCaptureExtension.class)
class JourneyRoutesTest extends JourneyTest {

  @Test
  void sendsTheReminderBuiltFromProcessDataAndLogsItsIdWithTheRef(CapturedOutput output) throws Exception {
    DemoCustomer asha = new DemoCustomer("C-1001", "Asha Rao", "+919812345670", "APT-2401", "", Route.READ, null, 0);

    JourneyRun.Result result = run(asha);

    assertThat(result.outcome().kind()).isEqualTo(Route.Kind.ENDED);
    assertThat(result.outcome().activityId()).isEqualTo("reminderRead");
    AcceptedMessage message = SANDBOX.accepted().get(0);
    assertThat(SANDBOX.accepted()).hasSize(1);
    assertThat(result.outcome().messageId()).isEqualTo(message.messageId());
    assertThat(variable(result.processInstanceId(), "reminderMessageId")).isEqualTo(message.messageId());
    assertThat(variable(result.processInstanceId(), "kaleyraErrorCode")).isNull();
    assertThat(message.businessNumber()).isEqualTo(KaleyraSandbox.BUSINESS_NUMBER);
    assertThat(message.to()).isEqualTo("+919812345670");
    assertThat(message.headerText()).isEqualTo("Your appointment tomorrow");
    assertThat(message.mediaHeader()).isNull();
    assertThat(message.bodyText()).isEqualTo("Hi Asha, this is a reminder of your appointment at Smile Dental,"
        + " Indiranagar on Tuesday 3 December at 10:30.\nPlease bring your ID. Can't make it? Tap the button to"
        + " confirm or pick another time.");
    assertThat(message.footerText()).isEqualTo("Smile Dental, Indiranagar · appointment APT-2401");
    assertThat(message.buttonText()).isEqualTo("Manage appointment");
    assertThat(message.buttonUrl()).isEqualTo("https://smiledental.example.com/appointments/APT-2401?c=C-1001");
    assertThat(message.ref()).isEqualTo("APT-2401");
    assertThat(message.ref1()).isEqualTo("C-1001");
    assertThat(message.ref2()).isEqualTo("appointment-reminder");
    assertThat(message.waSource()).isEqualTo("api");
    RecordedRequest request = requests().get(0);
    assertThat(requests()).hasSize(1);
    assertThat(request.rawPath()).matches("/v2/" + KaleyraSandbox.SID + "/whatsapp/(\\+|%2B)919000000000/messages");
    assertThat(json(request).getJsonObject("messaging_object").getString("to")).isEqualTo("+919812345670");
    assertThat(output.getOut()).contains("Appointment reminder sent on WhatsApp: messageId=" + message.messageId()
        + " ref=APT-2401 customer=C-1001 timedRetries=0");
  }

  @Test
  void aCustomerWithTheClinicsPhotoGetsItAsImageHeaderInsteadOfTheHeaderText() throws Exception {
    DemoCustomer asha = new DemoCustomer("C-1001", "Asha Rao", "+919812345670", "APT-2401", "", Route.READ, null, 0,
        DemoCustomer.CLINIC_PHOTO_URL);

    JourneyRun.Result result = run(asha);

    assertThat(result.outcome().activityId()).isEqualTo("reminderRead");
    AcceptedMessage message = SANDBOX.accepted().get(0);
    assertThat(message.mediaHeader()).isEqualTo(new MediaHeader("image", DemoCustomer.CLINIC_PHOTO_URL, null));
    assertThat(message.headerText()).isNull();
    assertThat(message.bodyText()).startsWith("Hi Asha, this is a reminder");
    assertThat(json(requests().get(0)).getJsonObject("messaging_object").getJsonObject("interactive")
        .getJsonObject("header").toString())
        .isEqualTo("{\"type\":\"image\",\"image\":{\"link\":\"" + DemoCustomer.CLINIC_PHOTO_URL + "\"}}");
  }

  @Test
  void lowBalanceWaitsForTheOperatorToTopUpAndThenSendsAgain() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.LOW_BALANCE.recipient()));

    assertWaitingAt(result, "topUpBalance", "E110");
    assertThat(variable(result.processInstanceId(), "kaleyraErrorMessage"))
        .isEqualTo("Please check your balance, You have a low balance!");
    Task task = taskOf(result);
    assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId)
        .containsExactly("operators");
    assertThat(statuses()).containsExactly(400);

    engine.getTaskService().complete(task.getId());
    Outcome again = await(result.processInstanceId(), o -> requests().size() == 2 && o.settled());

    assertThat(again.activityId()).as("still low balance: back to the operator").isEqualTo("topUpBalance");
    assertThat(statuses()).containsExactly(400, 400);
  }

  @Test
  void theDemoUserIsAnOperatorSoTasklistOffersThemTheJourneysTasks() {
    assertThat(engine.getIdentityService().createUserQuery().userId("demo").memberOfGroup("operators").count())
        .isEqualTo(1);
    assertThat(engine.getIdentityService().createUserQuery().userId("demo").memberOfGroup("camunda-admin").count())
        .isEqualTo(1);
  }

  @Test
  void invalidNumberSendsNothingAndTheFixedNumberIsSent() throws Exception {
    JourneyRun.Result result = run(customer("98450 12345"));

    assertWaitingAt(result, "fixCustomerData", "KALEYRA_INVALID_INPUT");
    assertThat((String) variable(result.processInstanceId(), "kaleyraErrorMessage")).contains("recipient");
    assertThat(requests()).isEmpty();

    engine.getFormService().submitTaskForm(taskOf(result).getId(), Map.of("customerPhone", "+919845012345"));
    Outcome fixed = await(result.processInstanceId(), Outcome::settled);

    assertThat(fixed.activityId()).isEqualTo("reminderRead");
    assertThat(fixed.errorCode()).as("the old error is cleared").isNull();
    assertThat(SANDBOX.accepted()).singleElement().satisfies(message -> {
      assertThat(message.to()).isEqualTo("+919845012345");
      assertThat(message.messageId()).isEqualTo(fixed.messageId());
    });
  }

  @Test
  void kaleyraRefusingTheRequestGoesToTheDataFix() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.BAD_PAYLOAD.recipient()));

    assertWaitingAt(result, "fixCustomerData", "WA400");
    assertThat(statuses()).containsExactly(400);
  }

  static Stream<Arguments> accountProblems() {
    return Stream.of(
        Arguments.of(Trigger.AUTH_FAILURE, "RBC001", 401),
        Arguments.of(Trigger.ACCOUNT_NOT_ENABLED, "WA-401", 401),
        Arguments.of(Trigger.WRONG_API_VERSION, "WA-401", 401));
  }

  @ParameterizedTest
  @MethodSource("accountProblems")
  void accountProblemsAlertTheOperator(Trigger trigger, String code, int status) throws Exception {
    JourneyRun.Result result = run(customer(trigger.recipient()));

    assertWaitingAt(result, "fixKaleyraAccount", code);
    assertThat(statuses()).containsExactly(status);
  }

  @Test
  void outageThatOutlastsTheInCallRetriesIsRetriedAfterTheTimerAndSent() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.OUTAGE_THEN_RECOVERY.recipient()));

    assertThat(result.outcome().activityId()).isEqualTo("reminderRead");
    assertThat(result.outcome().timedRetries()).isEqualTo(1);
    assertThat(variable(result.processInstanceId(), "failedTries")).isEqualTo(1);
    assertThat(variable(result.processInstanceId(), "retryDelay")).isEqualTo("PT1S");
    assertThat(result.outcome().errorCode()).isNull();
    assertThat(statuses()).as("3 in-call attempts, the timer, then one more call").containsExactly(500, 500, 500, 202);
    assertThat(result.outcome().messageId()).isEqualTo(SANDBOX.accepted().get(0).messageId());
  }

  @Test
  void outageThatLastsFallsBackToSmsAfterTheThirdFailedRetry() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.SERVER_ERROR.recipient()));

    assertThat(result.outcome().activityId()).isEqualTo("reminderSentBySms");
    assertThat(result.outcome().timedRetries()).isEqualTo(3);
    assertThat(result.outcome().errorCode()).isEqualTo("WA500");
    assertThat(result.outcome().messageId()).isNull();
    assertThat(variable(result.processInstanceId(), "failedTries")).isEqualTo(4);
    assertThat(variable(result.processInstanceId(), "reminderChannel")).isEqualTo("sms");
    assertThat(statuses()).as("4 tries of 3 attempts each").hasSize(12).containsOnly(500);
    assertThat(SANDBOX.accepted()).isEmpty();
  }

  @Test
  void withoutTheDemoScheduleTheTimerWaitsKaleyrasFiveMinutes() throws Exception {
    String id = engine.getRuntimeService().startProcessInstanceByKey(JourneyRun.PROCESS_KEY,
        customer(Trigger.SERVER_ERROR.recipient()).variables()).getId();
    try {
      Outcome waiting = await(id, o -> engine.getManagementService().createJobQuery().processInstanceId(id).timers()
          .count() == 1);

      Job timer = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
      assertThat(timer).as("waiting at the timer, %s", waiting).isNotNull();
      assertThat(variable(id, "retryDelay")).isEqualTo("PT5M");
      assertThat(Duration.between(Instant.now(), timer.getDuedate().toInstant()))
          .isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
    } finally {
      engine.getRuntimeService().deleteProcessInstance(id, "test done");
    }
  }

  @Test
  void outcomeUnknownAsksTheOperatorToCheckKaleyrasReportAndSendsOnlyOnce() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.HTML_BAD_GATEWAY.recipient()));

    assertWaitingAt(result, "checkKaleyraReport", "KALEYRA_OUTCOME_UNKNOWN");
    assertThat(statuses()).containsExactly(502);
  }

  @Test
  void aKaleyraCodeNoBoundaryCatchesLeavesAnIncidentNotASilentEnd() throws Exception {
    JourneyRun.Result result = run(customer(Trigger.UNKNOWN_CODE.recipient()));

    assertThat(result.outcome().kind()).isEqualTo(Route.Kind.INCIDENT);
    assertThat(result.outcome().activityId()).isEqualTo("sendReminder");
    assertThat(result.outcome().errorCode()).isEqualTo("WAV2101");
    assertThat(result.outcome().detail()).contains("no error boundary event");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(result.processInstanceId()).count()).as("still there, for Cockpit").isEqualTo(1);
    assertThat(statuses()).as("the job's three tries").containsExactly(400, 400, 400);
  }

  private Task taskOf(JourneyRun.Result result) {
    return engine.getTaskService().createTaskQuery().processInstanceId(result.processInstanceId()).singleResult();
  }

  private static JsonObject json(RecordedRequest request) {
    return Json.createReader(new StringReader(request.body())).readObject();
  }

}
