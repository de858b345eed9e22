package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.DemoCustomers;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Report;
import io.kaleyracta.example.demo.Route;
import io.kaleyracta.sandbox.Trigger;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one command's run: every demo customer on its designed route means exit code 0, anything else 1. */
class DemoRunTest extends JourneyTest {

  @Test
  void everyDemoCustomerTakesTheDesignedRouteAndTheRunExitsZero() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int exitCode = ReminderExampleApplication.runCustomers(engine, TestKaleyra.target(), false,
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String report = printed.toString(StandardCharsets.UTF_8);
    assertThat(report).contains("Summary: 15 of 15 customers took their designed route",
        "All routes behaved as designed.", "[ok] Vikram Shah", "after 1 timed retry",
        "ended at \"Reminder sent by SMS\" after 3 timed retries", "incident on \"Send reminder on WhatsApp\"",
        "ended at \"Reminder read\"", "WhatsApp: READ",
        "ended at \"Not read after a second reminder\"; 2 reminders sent",
        "ended at \"Reminder sent as template\"", "WhatsApp: FAILED 131047",
        "ended at \"Not delivered on WhatsApp: sent by SMS\"", "WhatsApp: FAILED 131026", "WhatsApp: NOT-SENT",
        "waiting in \"Wait until the customer reads it\" (no status yet",
        "[ok] Leela Pillai", "ended at \"Confirmed by tap\"", "WhatsApp: TAPPED",
        "tapped like a phone: GET http://127.0.0.1:" + port + "/kaleyra/t/",
        " -> 302 to https://smiledental.example.com/appointments/APT-2415?c=C-1015",
        "read on WhatsApp: 2 (1 after a timed retry), confirmed by tap: 1, not read after a second reminder: 1,"
            + " approved template instead (131047): 1, by SMS: 3 (2 after WhatsApp could not deliver),"
            + " waiting for WhatsApp's status: 1",
        "waiting for an operator: 5, incidents: 1, other: 0");
    assertThat(report).doesNotContain("[FAILED]", "NOT all");
    assertThat(exitCode).as(report).isZero();
    assertThat(DemoCustomers.sandboxSet()).extracting(DemoCustomer::route).containsAll(List.of(Route.values()));
  }

  @Test
  void aCustomerOffTheDesignedRouteFailsTheRun() throws Exception {
    DemoCustomer designedAsSent = new DemoCustomer("C-9002", "Sanjay Das", Trigger.LOW_BALANCE.recipient(),
        "APT-9002", "designed wrongly on purpose", Route.READ, null, 0);
    List<JourneyRun.Result> results = new JourneyRun(engine, Map.of()).run(List.of(designedAsSent),
        Duration.ofSeconds(30));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    Report report = new Report(results, SANDBOX);
    report.print(new PrintStream(printed, true, StandardCharsets.UTF_8), Duration.ofSeconds(1));

    assertThat(report.exitCode()).isEqualTo(1);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("[FAILED] Sanjay Das",
        "waiting in user task \"Top up Kaleyra balance\"; error E110",
        "designed: ended at reminderRead with a message id, WhatsApp READ, no error", "NOT all routes behaved as designed.");
  }
}
