package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.example.demo.DemoCustomer;
import io.kaleyracta.example.demo.DemoCustomers;
import io.kaleyracta.example.demo.JourneyRun;
import io.kaleyracta.example.demo.Outcome;
import io.kaleyracta.example.demo.Phone;
import io.kaleyracta.example.demo.Route;
import io.kaleyracta.sandbox.AcceptedMessage;
import io.kaleyracta.sandbox.SentCallback;
import io.kaleyracta.sandbox.StatusScript;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Confirmed by tap": the demo customer whose reminder has Track taps on and whose WhatsApp never reports it read
 * (read receipts off). In the one-shot run the demo taps like a phone ({@link Phone}); in keep-running mode the
 * journey waits for a person's tap in the viewer, and only a real tap (a GET from a browser) ends it.
 */
class TapRoutesTest extends JourneyTest {

  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @Test
  void theDemosTapEndsTheJourneyAtConfirmedByTap() throws Exception {
    DemoCustomer leela = DemoCustomers.tapper();
    String bookingUrl = (String) leela.variables().get("bookingUrl");

    JourneyRun.Result result = new JourneyRun(engine, DEMO_VARIABLES, new Phone(SANDBOX)).run(List.of(leela), SETTLE)
        .get(0);

    assertThat(result.asDesigned()).as("%s", result.outcome()).isTrue();
    assertThat(result.outcome().kind()).isEqualTo(Route.Kind.ENDED);
    assertThat(result.outcome().activityId()).isEqualTo("confirmedByTap");
    assertThat(result.outcome().activityName()).isEqualTo("Confirmed by tap");
    assertThat(variable(result.processInstanceId(), "kaleyraStatus")).isEqualTo("TAPPED");
    AcceptedMessage sent = SANDBOX.accepted().get(0);
    assertThat(sent.to()).isEqualTo(StatusScript.READ_RECEIPTS_OFF.recipient());
    assertThat(sent.buttonUrl()).as("the tracking link, not the booking page")
        .startsWith("http://127.0.0.1:" + port + "/kaleyra/t/").isNotEqualTo(bookingUrl)
        .doesNotContain("C-1015", "APT-2415");
    Phone.Tap tap = result.tap();
    assertThat(tap.buttonUrl()).isEqualTo(sent.buttonUrl());
    assertThat(tap.status()).isEqualTo(302);
    assertThat(tap.location()).as("byte for byte").isEqualTo(bookingUrl)
        .isEqualTo("https://smiledental.example.com/appointments/APT-2415?c=C-1015");
    assertThat(SANDBOX.statusCallbacks()).as("WhatsApp reported it delivered, never read")
        .extracting(SentCallback::status).doesNotContain("read");
  }

  @Test
  void keepRunningLeavesTheTapToAPersonAndOnlyABrowsersGetCounts() throws Exception {
    DemoCustomer leela = DemoCustomers.sandboxSetLeavingTheTap().stream().filter(DemoCustomer::tapsButton)
        .findFirst().orElseThrow();
    assertThat(leela.route()).isEqualTo(Route.AWAITING_STATUS);

    JourneyRun.Result result = run(leela);
    String id = result.processInstanceId();
    try {
      assertThat(result.asDesigned()).as("%s", result.outcome()).isTrue();
      assertThat(result.tap()).as("nobody tapped").isNull();
      URI link = URI.create(SANDBOX.accepted().get(0).buttonUrl());

      HttpResponse<Void> head = send(HttpRequest.newBuilder(link).method("HEAD", HttpRequest.BodyPublishers.noBody())
          .header("User-Agent", Phone.USER_AGENT));
      HttpResponse<Void> preview = send(HttpRequest.newBuilder(link).header("User-Agent", "WhatsApp/2.23.20.0 A"));
      assertThat(head.statusCode()).isEqualTo(302);
      assertThat(preview.statusCode()).isEqualTo(302);
      Thread.sleep(1000); // a counted tap would have reached the journey by now
      assertThat(new JourneyRun(engine, java.util.Map.of()).observe(id).kind())
          .as("a HEAD and WhatsApp's link preview are not taps").isEqualTo(Route.Kind.AWAITING_STATUS);

      HttpResponse<Void> tap = send(HttpRequest.newBuilder(link).header("User-Agent", Phone.USER_AGENT));
      assertThat(tap.statusCode()).isEqualTo(302);
      assertThat(tap.headers().firstValue("Location")).contains((String) leela.variables().get("bookingUrl"));
      Outcome after = await(id, o -> o.kind() == Route.Kind.ENDED);
      assertThat(after.activityId()).as("%s", after).isEqualTo("confirmedByTap");
      assertThat(after.whatsAppStatus()).isEqualTo("TAPPED");
    } finally {
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        engine.getRuntimeService().deleteProcessInstance(id, "test done");
      }
    }
  }

  @Test
  void withoutTrackTapsTheButtonOpensTheBookingPageItself() throws Exception {
    DemoCustomer lakshmi = customer(StatusScript.READ.recipient());

    JourneyRun.Result result = run(lakshmi);

    assertThat(result.outcome().activityId()).isEqualTo("reminderRead");
    assertThat(SANDBOX.accepted().get(0).buttonUrl()).isEqualTo(lakshmi.variables().get("bookingUrl"));
  }

  private static HttpResponse<Void> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding());
  }
}
