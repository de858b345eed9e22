package io.kaleyracta.example.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One customer with tomorrow's appointment, and the route the journey is designed to take for them.
 *
 * @param name           full name; the message greets the first name
 * @param phone          the WhatsApp number (a sandbox trigger number provokes a failure, a status script number a
 *                       status; see the sandbox's {@code Trigger} and {@code StatusScript})
 * @param situation      what this customer demonstrates, in a few words
 * @param route          the designed end event, user task, wait or incident
 * @param errorCode      the designed {@code kaleyraErrorCode} ({@code null} when none is expected)
 * @param timedRetries   how often the designed route passes the "Wait as Kaleyra advises" timer
 * @param clinicPhotoUrl the clinic's photo the reminder shows as its image header, or {@code null} for the text header
 * @param whatsAppStatus the designed status that ended "Wait until the customer reads it": {@code kaleyraStatus},
 *                       with {@code kaleyraStatusErrorCode} after a space when there is one (e.g. {@code READ},
 *                       {@code FAILED 131047}, {@code NOT-SENT}); {@code null} when no status ends the wait
 * @param readDeadline   this customer's {@code readDeadline} (the wait's deadline), or {@code null} for the run's
 * @param tapsButton     Track taps is on for this customer's reminder ({@code trackTaps}), and the customer taps its
 *                       button once the journey waits: the one-command demo taps for them like a phone; in
 *                       keep-running mode a person (or ci.sh's browser) taps it in the sandbox's viewer
 */
public record DemoCustomer(String customerId, String name, String phone, String appointmentId, String situation,
                           Route route, String errorCode, int timedRetries, String clinicPhotoUrl,
                           String whatsAppStatus, String readDeadline, boolean tapsButton) {

  public static final String CLINIC = "Smile Dental, Indiranagar";
  public static final String CLINIC_PHOTO_URL = "https://smiledental.example.com/img/indiranagar-entrance.jpg";

  /** A customer whose reminder has the text header; a reminder that is read ends its wait with READ. */
  public DemoCustomer(String customerId, String name, String phone, String appointmentId, String situation,
                      Route route, String errorCode, int timedRetries) {
    this(customerId, name, phone, appointmentId, situation, route, errorCode, timedRetries, null);
  }

  /** As above, with the clinic's photo ({@code null}: the text header). */
  public DemoCustomer(String customerId, String name, String phone, String appointmentId, String situation,
                      Route route, String errorCode, int timedRetries, String clinicPhotoUrl) {
    this(customerId, name, phone, appointmentId, situation, route, errorCode, timedRetries, clinicPhotoUrl,
        route == Route.READ ? "READ" : null, null, false);
  }

  /** This customer with another designed WhatsApp status (see {@link #whatsAppStatus}). */
  public DemoCustomer withWhatsAppStatus(String status) {
    return new DemoCustomer(customerId, name, phone, appointmentId, situation, route, errorCode, timedRetries,
        clinicPhotoUrl, status, readDeadline, tapsButton);
  }

  /** This customer with their own deadline for reading the reminder (an ISO-8601 duration). */
  public DemoCustomer withReadDeadline(String deadline) {
    return new DemoCustomer(customerId, name, phone, appointmentId, situation, route, errorCode, timedRetries,
        clinicPhotoUrl, whatsAppStatus, deadline, tapsButton);
  }

  /**
   * This customer with Track taps on and a tap on the button: designed to end at "Confirmed by tap" with
   * {@code TAPPED}.
   */
  public DemoCustomer tappingTheButton() {
    return new DemoCustomer(customerId, name, phone, appointmentId, situation, Route.CONFIRMED_BY_TAP, errorCode,
        timedRetries, clinicPhotoUrl, "TAPPED", readDeadline, true);
  }

  /**
   * This tapping customer as designed while nobody has tapped yet (keep-running mode leaves the tap to a person):
   * still waiting for WhatsApp's status, the deadline hours away.
   */
  public DemoCustomer waitingForATap() {
    return new DemoCustomer(customerId, name, phone, appointmentId, situation + "; tap it in the viewer",
        Route.AWAITING_STATUS, errorCode, timedRetries, clinicPhotoUrl, null, readDeadline, true);
  }

  public String firstName() {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /** The start variables of {@code appointmentReminder}: what the clinic's booking system knows. */
  public Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("customerId", customerId);
    variables.put("firstName", firstName());
    variables.put("customerPhone", phone);
    variables.put("appointmentId", appointmentId);
    variables.put("appointmentTime", "Tuesday 3 December at 10:30");
    variables.put("clinic", CLINIC);
    variables.put("bookingUrl", "https://smiledental.example.com/appointments/" + appointmentId + "?c=" + customerId);
    if (clinicPhotoUrl != null) {
      variables.put("clinicPhotoUrl", clinicPhotoUrl);
    }
    if (readDeadline != null) {
      variables.put("readDeadline", readDeadline);
    }
    if (tapsButton) {
      variables.put("trackTaps", true); // the send task's Track taps
    }
    return variables;
  }
}
