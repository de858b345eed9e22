package io.kaleyracta.example.demo;

import java.util.Objects;

/**
 * Where one reminder instance actually rests, read from the engine (runtime and history).
 *
 * @param kind          ended, waiting in a user task, incident, or still running when the wait ran out
 * @param activityId    the end event, user task or failing activity ({@code null} while running)
 * @param activityName  its name in the diagram, for the report
 * @param messageId     the process variable {@code reminderMessageId} (the template's result variable)
 * @param errorCode     {@code kaleyraErrorCode}, or for an incident the code named in the incident message
 * @param timedRetries  how often the "Wait as Kaleyra advises" timer fired
 * @param detail        the incident message, or where a still running instance is
 */
public record Outcome(Route.Kind kind, String activityId, String activityName, String messageId, String errorCode,
                      int timedRetries, String detail) {

  public boolean settled() {
    return kind != Route.Kind.RUNNING;
  }

  /** True when this is exactly what the customer's designed route says. */
  public boolean matches(DemoCustomer customer) {
    Route route = customer.route();
    return kind == route.kind()
        && route.activityId().equals(activityId)
        && Objects.equals(customer.errorCode(), errorCode)
        && customer.timedRetries() == timedRetries
        && (route.sendsWhatsApp() == (messageId != null));
  }
}
