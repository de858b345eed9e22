package io.kaleyracta.example.demo;

import io.kaleyracta.sandbox.KaleyraSandbox;
import io.kaleyracta.sandbox.RecordedRequest;
import io.kaleyracta.sandbox.SentCallback;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints what happened to each customer, readably, and a summary; decides the exit code. */
public final class Report {

  private final List<JourneyRun.Result> results;
  private final KaleyraSandbox sandbox;
  private final Map<String, Integer> callsByRecipient;

  /** @param sandbox the local sandbox, to count the requests per customer; {@code null} for the real Kaleyra */
  public Report(List<JourneyRun.Result> results, KaleyraSandbox sandbox) {
    this.results = List.copyOf(results);
    this.sandbox = sandbox;
    this.callsByRecipient = sandbox == null ? Map.of() : callsByRecipient(sandbox.requests());
  }

  public boolean allAsDesigned() {
    return results.stream().allMatch(JourneyRun.Result::asDesigned);
  }

  /** 0 when every customer took the designed route, 1 otherwise. */
  public int exitCode() {
    return allAsDesigned() ? 0 : 1;
  }

  public void print(PrintStream out, Duration took) {
    out.println();
    out.println("What happened to each customer:");
    for (JourneyRun.Result result : results) {
      DemoCustomer customer = result.customer();
      out.printf("[%s] %-34s %s%n", result.asDesigned() ? "ok" : "FAILED",
          customer.name() + " (" + customer.phone() + ")", customer.situation());
      out.printf("     -> %s%n", describe(result.outcome(), customer.phone()));
      if (result.outcome().kind() == Route.Kind.INCIDENT) {
        out.printf("        incident: %s%n", result.outcome().detail());
      }
      if (result.tap() != null) {
        Phone.Tap tap = result.tap();
        out.printf("        tapped like a phone: GET %s -> %s%n", tap.buttonUrl(), tap.redirected()
            ? tap.status() + " to " + tap.location() : tap.problem() != null ? tap.problem() : "HTTP " + tap.status());
      }
      if (!result.asDesigned()) {
        out.printf("     designed: %s%n", designed(customer));
      }
    }
    long ok = results.stream().filter(JourneyRun.Result::asDesigned).count();
    out.println();
    out.printf(Locale.ROOT, "Summary: %d of %d customers took their designed route (%.1f s).%n", ok, results.size(),
        took.toMillis() / 1000.0);
    long read = count(Route.READ);
    long tapped = count(Route.CONFIRMED_BY_TAP);
    long unread = count(Route.UNREAD);
    long template = count(Route.SENT_AS_TEMPLATE);
    long sms = count(Route.SENT_BY_SMS) + count(Route.NOT_DELIVERED_SMS);
    long awaiting = countKind(Route.Kind.AWAITING_STATUS);
    out.printf("  read on WhatsApp: %d (%d after a timed retry), confirmed by tap: %d,"
            + " not read after a second reminder: %d,"
            + " approved template instead (131047): %d, by SMS: %d (%d after WhatsApp could not deliver),"
            + " waiting for WhatsApp's status: %d%n",
        read, results.stream().filter(r -> Route.READ.activityId().equals(r.outcome().activityId())
            && r.outcome().timedRetries() > 0).count(),
        tapped, unread, template, sms, count(Route.NOT_DELIVERED_SMS), awaiting);
    out.printf("  waiting for an operator: %d, incidents: %d, other: %d%n", countKind(Route.Kind.WAITING),
        countKind(Route.Kind.INCIDENT), results.size() - read - tapped - unread - template - sms - awaiting
            - countKind(Route.Kind.WAITING) - countKind(Route.Kind.INCIDENT));
    if (sandbox != null) {
      out.printf("  Kaleyra sandbox: %d requests received, %d messages accepted (shown at %s), %d status callbacks"
              + " acknowledged%n", sandbox.requests().size(), sandbox.accepted().size(), sandbox.viewerUrl(),
          sandbox.statusCallbacks().stream().filter(SentCallback::acknowledged).count());
    }
    out.println(allAsDesigned() ? "All routes behaved as designed." : "NOT all routes behaved as designed.");
  }

  private String describe(Outcome outcome, String phone) {
    StringBuilder text = new StringBuilder();
    switch (outcome.kind()) {
      case ENDED -> text.append("ended at \"").append(outcome.activityName()).append('"');
      case WAITING -> text.append("waiting in user task \"").append(outcome.activityName()).append('"');
      case AWAITING_STATUS -> text.append("waiting in \"").append(outcome.activityName())
          .append("\" (no status yet, deadline hours away)");
      case INCIDENT -> text.append("incident on \"").append(outcome.activityName()).append('"');
      default -> text.append("not settled in time (").append(outcome.detail()).append(')');
    }
    if (outcome.timedRetries() > 0) {
      text.append(" after ").append(plural(outcome.timedRetries(), "timed retry", "timed retries"));
    }
    if (outcome.reminders() > 1) {
      text.append("; ").append(outcome.reminders()).append(" reminders sent");
    }
    if (outcome.messageId() != null) {
      text.append("; message id ").append(outcome.messageId());
    }
    if (outcome.whatsAppStatus() != null) {
      text.append("; WhatsApp: ").append(outcome.whatsAppStatus());
    }
    if (outcome.errorCode() != null) {
      text.append("; error ").append(outcome.errorCode());
    }

    if (sandbox != null) {
      int calls = callsByRecipient.getOrDefault(phone, 0);
      text.append("; ").append(calls == 0 ? "nothing sent to Kaleyra" : plural(calls, "request", "requests")
          + " to Kaleyra");
    }
    return text.toString();
  }

  private static String designed(DemoCustomer customer) {
    Route route = customer.route();
    return route.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " at " + route.activityId()
        + (customer.timedRetries() > 0 ? " after " + customer.timedRetries() + " timed retries" : "")
        + (route.sendsWhatsApp() ? " with a message id" : "")
        + (route.reminders() > 1 ? ", " + route.reminders() + " reminders sent" : "")
        + (customer.whatsAppStatus() == null ? "" : ", WhatsApp " + customer.whatsAppStatus())
        + (customer.errorCode() == null ? ", no error" : ", error " + customer.errorCode());
  }

  private long count(Route route) {
    return results.stream().filter(r -> r.outcome().kind() == route.kind()
        && route.activityId().equals(r.outcome().activityId())).count();
  }

  private long countKind(Route.Kind kind) {
    return results.stream().filter(r -> r.outcome().kind() == kind).count();
  }

  private static String plural(long n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /** Requests per {@code messaging_object.to}, as sent (bodies that are not the connector's JSON are skipped). */
  static Map<String, Integer> callsByRecipient(List<RecordedRequest> requests) {
    Map<String, Integer> calls = new HashMap<>();
    for (RecordedRequest request : requests) {
      try (JsonReader reader = Json.createReader(new StringReader(request.body()))) {
        JsonObject messagingObject = reader.readObject().getJsonObject("messaging_object");
        if (messagingObject != null && messagingObject.containsKey("to")) {
          calls.merge(messagingObject.getString("to"), 1, Integer::sum);
        }
      } catch (JsonException | ClassCastException e) {
        // not a message request
      }
    }
    return calls;
  }
}
