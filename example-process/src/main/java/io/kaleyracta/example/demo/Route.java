package io.kaleyracta.example.demo;

/**
 * Where an appointment reminder can settle in {@code appointment-reminder.bpmn}: an end event, a user task that
 * waits for an operator, the wait for WhatsApp's status with its deadline hours away, or an incident on the send
 * task (a Kaleyra code no boundary event catches).
 */
public enum Route {

  /** Sent, and WhatsApp reported it read. */
  READ(Kind.ENDED, "reminderRead", 1),
  /** Sent with Track taps on, and the customer tapped the button (WhatsApp reported no READ). */
  CONFIRMED_BY_TAP(Kind.ENDED, "confirmedByTap", 1),
  /** Sent, not read by the deadline, sent once more, not read by the second deadline either. */
  UNREAD(Kind.ENDED, "reminderUnread", 2),
  /** Sent, then FAILED with Meta's 131047 (outside the 24-hour window): the approved template instead. */
  SENT_AS_TEMPLATE(Kind.ENDED, "reminderSentAsTemplate", 1),
  /** Sent, then FAILED with another Meta code or NOT-SENT: SMS instead. */
  NOT_DELIVERED_SMS(Kind.ENDED, "reminderNotDeliveredSentBySms", 1),
  /** Sent, no status yet, the deadline hours away (the real message, and a customer whose phone reports nothing). */
  AWAITING_STATUS(Kind.AWAITING_STATUS, "waitForRead", 1),
  /** Kaleyra down through every planned retry: SMS instead. */
  SENT_BY_SMS(Kind.ENDED, "reminderSentBySms", 0),
  TOP_UP_BALANCE(Kind.WAITING, "topUpBalance", 0),
  FIX_CUSTOMER_DATA(Kind.WAITING, "fixCustomerData", 0),
  FIX_KALEYRA_ACCOUNT(Kind.WAITING, "fixKaleyraAccount", 0),
  CHECK_KALEYRA_REPORT(Kind.WAITING, "checkKaleyraReport", 0),
  INCIDENT(Kind.INCIDENT, "sendReminder", 0);

  /**
   * How an instance rests: ended, waiting in a user task, waiting for WhatsApp's status with a deadline hours away,
   * stuck with an incident, or still moving.
   */
  public enum Kind { ENDED, WAITING, AWAITING_STATUS, INCIDENT, RUNNING }

  private final Kind kind;
  private final String activityId;
  private final int reminders;

  Route(Kind kind, String activityId, int reminders) {
    this.kind = kind;
    this.activityId = activityId;
    this.reminders = reminders;
  }

  public Kind kind() {
    return kind;
  }

  /** The BPMN id of the end event, user task, wait or failing task. */
  public String activityId() {
    return activityId;
  }

  /** How many reminders Kaleyra accepted on this route (each one logged by "Log message id with the appointment"). */
  public int reminders() {
    return reminders;
  }

  public boolean sendsWhatsApp() {
    return reminders > 0;
  }
}
