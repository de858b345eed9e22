package io.kaleyracta.example.demo;

import java.util.Objects;

/**
 * Where one reminder instance actually rests, read from the engine (runtime and history).
 *
 * @param kind           ended, waiting in a user task or for WhatsApp's status, incident, or still running when the
 *                       wait ran out
 * @param activityId     the end event, user task, wait or failing activity ({@code null} while running)
 * @param activityName   its name in the diagram, for the report
 * @param messageId      the process variable {@code reminderMessageId} (the template's result variable; the last
 *                       reminder's when there were two)
 * @param errorCode      {@code kaleyraErrorCode}, or for an incident the code named in the incident message
 * @param timedRetries   how often the "Wait as Kaleyra advises" timer fired
 * @param whatsAppStatus {@code kaleyraStatus} (with {@code kaleyraStatusErrorCode} after a space when set), the status
 *                       that ended "Wait until the customer reads it"; {@code null} when none did
 * @param reminders      how many reminders Kaleyra accepted ("Log message id with the appointment" finished)
 * @param detail         the incident message, or where a still running instance is
 */
public record Outcome(Route.Kind kind, String activityId, String activityName, String messageId, String errorCode,
                      int timedRetries, String whatsAppStatus, int reminders, String detail) {

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
        && Objects.equals(customer.whatsAppStatus(), whatsAppStatus)
        && route.reminders() == reminders
        && (route.sendsWhatsApp() == (messageId != null));
  }
}
