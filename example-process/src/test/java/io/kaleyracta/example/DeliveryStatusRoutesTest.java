package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.DemoCustomers;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Route;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.SentCallback;
import io.kaleyracta.sandbox.StatusScript;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * After the reminder is sent: "Wait until the customer reads it" (the "Wait for WhatsApp status" template) and the
 * routes after it, with the statuses the sandbox reports by callback to the application's endpoint (the demo
 * customers' {@link StatusScript} numbers), as the one command runs them.
 */
@ExtendWith(OutputCaptureExtension.class)
class DeliveryStatusRoutesTest extends JourneyTest {

  @Test
  void aReadReminderEndsAtReminderReadWithTheStatusVariables() throws Exception {
    JourneyRun.Result result = run(customer(StatusScript.READ.recipient()));

    assertEnded(result, Route.READ, "READ");
    assertThat(variable(result.processInstanceId(), "kaleyraStatusTime")).isInstanceOf(Date.class);
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorCode")).isNull();
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorTitle")).isNull();
    assertThat(variable(result.processInstanceId(), "reminderChannel")).isNull();
    assertThat(callbacksOf(result.outcome().messageId(), 3)).as("sent, delivered, read, each accepted by the endpoint")
        .extracting(SentCallback::status, SentCallback::httpStatus)
        .containsExactly(tuple("sent", 200), tuple("delivered", 200), tuple("read", 200));
  }

  @Test
  void deliveredButNotReadIsRemindedOnceMoreThenTheJourneyEnds(CapturedOutput output) throws Exception {
    Map<String, Object> variables = new HashMap<>(DEMO_VARIABLES);
    variables.put("readDeadline", "PT2S");

    JourneyRun.Result result = run(customer(StatusScript.DELIVERED_ONLY.recipient()), variables);

    assertEnded(result, Route.UNREAD, null);
    assertThat(result.outcome().reminders()).isEqualTo(2);
    assertThat(SANDBOX.accepted()).as("the reminder and the second one").hasSize(2)
        .allSatisfy(message -> assertThat(message.to()).isEqualTo(StatusScript.DELIVERED_ONLY.recipient()));
    assertThat(result.outcome().messageId()).as("the second wait waited for the second message")
        .isEqualTo(SANDBOX.accepted().get(1).messageId());
    assertThat(variable(result.processInstanceId(), "remindedOnceMore")).isEqualTo(true);
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(result.processInstanceId()).activityId("readDeadline").count())
        .as("both deadlines passed").isEqualTo(2);
    assertThat(output.getOut()).contains("Appointment reminder APT-9001 not read by the deadline");
  }

  @Test
  void failedOutsideThe24HourWindowGoesToTheApprovedTemplate(CapturedOutput output) throws Exception {
    JourneyRun.Result result = run(customer(StatusScript.FAILED_REENGAGEMENT.recipient()));

    assertEnded(result, Route.SENT_AS_TEMPLATE, "FAILED 131047");
    assertThat(variable(result.processInstanceId(), "kaleyraStatus")).isEqualTo("FAILED");
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorCode")).isEqualTo("131047");
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorTitle")).isEqualTo("Re-engagement message");
    assertThat(variable(result.processInstanceId(), "reminderChannel")).isEqualTo("whatsapp-template");
    assertThat(output.getOut()).contains("outside the 24-hour window, the reminder goes as the approved template");
  }

  @Test
  void failedUndeliverableGoesToSmsAtItsOwnEnd() throws Exception {
    JourneyRun.Result result = run(customer(StatusScript.FAILED_UNDELIVERABLE.recipient()));

    assertEnded(result, Route.NOT_DELIVERED_SMS, "FAILED 131026");
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorTitle")).isEqualTo("Message undeliverable");
    assertThat(variable(result.processInstanceId(), "reminderChannel")).isEqualTo("sms");
  }

  @Test
  void notSentGoesToSmsAtTheSameEnd(CapturedOutput output) throws Exception {
    JourneyRun.Result result = run(customer(StatusScript.NOT_SENT.recipient()));

    assertEnded(result, Route.NOT_DELIVERED_SMS, "NOT-SENT");
    assertThat(variable(result.processInstanceId(), "kaleyraStatusErrorCode")).isNull();
    assertThat(variable(result.processInstanceId(), "reminderChannel")).isEqualTo("sms");
    assertThat(output.getOut()).contains("WhatsApp reported NOT-SENT for appointment APT-9001: reminder goes by SMS");
  }

  @Test
  void withoutAStatusTheWaitKeepsTheDiagramsFourHourDeadline() throws Exception {
    DemoCustomer silent = customer(StatusScript.SILENT.recipient());
    String id = engine.getRuntimeService().startProcessInstanceByKey(JourneyRun.PROCESS_KEY,
        silent.appointmentId(), silent.variables()).getId();
    try {
      var waiting = await(id, o -> o.kind() == Route.Kind.AWAITING_STATUS);

      assertThat(waiting.activityId()).as("%s", waiting).isEqualTo("waitForRead");
      assertThat(waiting.messageId()).isEqualTo(SANDBOX.accepted().get(0).messageId());
      Job deadline = engine.getManagementService().createJobQuery().processInstanceId(id).timers().singleResult();
      assertThat(Duration.between(Instant.now(), deadline.getDuedate().toInstant()))
          .isBetween(Duration.ofHours(4).minusMinutes(1), Duration.ofHours(4));
      assertThat(callbacksOf(waiting.messageId(), 0)).as("the silent script reports nothing").isEmpty();
    } finally {
      engine.getRuntimeService().deleteProcessInstance(id, "test done");
    }
  }

  @Test
  void theDemoCustomersOfTheStatusRoutesHaveTheSandboxsStatusScriptNumbers() {
    Map<Route, StatusScript> scripts = new HashMap<>();
    for (DemoCustomer customer : DemoCustomers.sandboxSet()) {
      if (customer.route().sendsWhatsApp() && customer.route() != Route.READ) {
        assertThat(StatusScript.forRecipient(customer.phone()).recipient()).as(customer.name())
            .isEqualTo(customer.phone());
        scripts.put(customer.route(), StatusScript.forRecipient(customer.phone()));
      }
    }
    assertThat(scripts).containsEntry(Route.UNREAD, StatusScript.DELIVERED_ONLY)
        .containsEntry(Route.SENT_AS_TEMPLATE, StatusScript.FAILED_REENGAGEMENT)
        .containsEntry(Route.AWAITING_STATUS, StatusScript.SILENT)
        .containsEntry(Route.CONFIRMED_BY_TAP, StatusScript.READ_RECEIPTS_OFF)
        .containsKey(Route.NOT_DELIVERED_SMS);
  }

  /** The callbacks the sandbox recorded for the message, once there are {@code expected} (the last one is recorded
   *  when the endpoint has answered, just after the wait ended). */
  private static List<SentCallback> callbacksOf(String messageId, int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<SentCallback> callbacks = List.of();
    while (System.nanoTime() < deadline) {
      callbacks = SANDBOX.statusCallbacks().stream().filter(c -> c.messageId().equals(messageId)).toList();
      if (callbacks.size() >= expected) {
        break;
      }
      Thread.sleep(50);
    }
    return callbacks;
  }

  private void assertEnded(JourneyRun.Result result, Route route, String whatsAppStatus) {
    assertThat(result.outcome().kind()).as("%s", result.outcome()).isEqualTo(Route.Kind.ENDED);
    assertThat(result.outcome().activityId()).isEqualTo(route.activityId());
    assertThat(result.outcome().whatsAppStatus()).isEqualTo(whatsAppStatus);
    assertThat(result.outcome().reminders()).isEqualTo(route.reminders());
    assertThat(result.outcome().errorCode()).isNull();
    AcceptedMessage last = SANDBOX.accepted().get(SANDBOX.accepted().size() - 1);
    assertThat(result.outcome().messageId()).isEqualTo(last.messageId());
    assertThat(variable(result.processInstanceId(), "kaleyraStatus"))
        .isEqualTo(whatsAppStatus == null ? null : whatsAppStatus.split(" ")[0]);
  }
}
