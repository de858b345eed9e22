package io.kaleyracta.example.demo;

/**
 * Where an appointment reminder can settle in {@code appointment-reminder.bpmn}: an end event, a user task that
 * waits for an operator, or an incident on the send task (a Kaleyra code no boundary event catches).
 */
public enum Route {

  SENT(Kind.ENDED, "reminderSent"),
  SENT_BY_SMS(Kind.ENDED, "reminderSentBySms"),
  TOP_UP_BALANCE(Kind.WAITING, "topUpBalance"),
  FIX_CUSTOMER_DATA(Kind.WAITING, "fixCustomerData"),
  FIX_KALEYRA_ACCOUNT(Kind.WAITING, "fixKaleyraAccount"),
  CHECK_KALEYRA_REPORT(Kind.WAITING, "checkKaleyraReport"),
  INCIDENT(Kind.INCIDENT, "sendReminder");

  /** How an instance rests: ended, waiting in a user task, stuck with an incident, or still moving. */
  public enum Kind { ENDED, WAITING, INCIDENT, RUNNING }

  private final Kind kind;
  private final String activityId;

  Route(Kind kind, String activityId) {
    this.kind = kind;
    this.activityId = activityId;
  }

  public Kind kind() {
    return kind;
  }

  /** The BPMN id of the end event, user task or failing task. */
  public String activityId() {
    return activityId;
  }

  public boolean sendsWhatsApp() {
    return this == SENT;
  }
}
