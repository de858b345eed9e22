package io.kaleyracta.example.demo;

import io.kaleyracta.sandbox.StatusScript;
import io.kaleyracta.sandbox.Trigger;
import java.util.List;

/** The customers the one command runs: a set that covers every route against the sandbox, or one real message. */
public final class DemoCustomers {

  /** The diagram's own deadline for reading the reminder, which the silent customer keeps in the demo. */
  public static final String REAL_READ_DEADLINE = "PT4H";

  private DemoCustomers() {
  }

  /**
   * One customer per route. The send failures come from the sandbox's reserved numbers ({@link Trigger}), what
   * WhatsApp reports after a 202 from its status scripts ({@link StatusScript}; every other number reads the
   * reminder).
   */
  public static List<DemoCustomer> sandboxSet() {
    return List.of(
        new DemoCustomer("C-1001", "Asha Rao", "+919812345670", "APT-2401",
            "reads the reminder; the clinic's photo as image header", Route.READ, null, 0,
            DemoCustomer.CLINIC_PHOTO_URL),
        new DemoCustomer("C-1002", "Vikram Shah", Trigger.OUTAGE_THEN_RECOVERY.recipient(), "APT-2402",
            "Kaleyra down for a while (WA500), then back", Route.READ, null, 1),
        new DemoCustomer("C-1003", "Meera Iyer", Trigger.SERVER_ERROR.recipient(), "APT-2403",
            "Kaleyra down all along (WA500)", Route.SENT_BY_SMS, "WA500", 3),
        new DemoCustomer("C-1004", "Rohan Gupta", Trigger.LOW_BALANCE.recipient(), "APT-2404",
            "Kaleyra balance too low", Route.TOP_UP_BALANCE, "E110", 0),
        new DemoCustomer("C-1005", "Priya Nair", "98450 12345", "APT-2405",
            "number typed with a space, no country code", Route.FIX_CUSTOMER_DATA, "KALEYRA_INVALID_INPUT", 0),
        new DemoCustomer("C-1006", "Arjun Mehta", Trigger.BAD_PAYLOAD.recipient(), "APT-2406",
            "Kaleyra refuses the request", Route.FIX_CUSTOMER_DATA, "WA400", 0),
        new DemoCustomer("C-1007", "Kavya Reddy", Trigger.ACCOUNT_NOT_ENABLED.recipient(), "APT-2407",
            "WhatsApp API not enabled for the account", Route.FIX_KALEYRA_ACCOUNT, "WA-401", 0),
        new DemoCustomer("C-1008", "Dev Malhotra", Trigger.HTML_BAD_GATEWAY.recipient(), "APT-2408",
            "a proxy answers an HTML 502 page", Route.CHECK_KALEYRA_REPORT, "KALEYRA_OUTCOME_UNKNOWN", 0),
        new DemoCustomer("C-1009", "Nisha Verma", Trigger.UNKNOWN_CODE.recipient(), "APT-2409",
            "a Kaleyra code the diagram does not catch", Route.INCIDENT, "WAV2101", 0),
        new DemoCustomer("C-1010", "Farah Khan", StatusScript.DELIVERED_ONLY.recipient(), "APT-2410",
            "delivered, never read (no blue ticks)", Route.UNREAD, null, 0),
        new DemoCustomer("C-1011", "Sameer Joshi", StatusScript.FAILED_REENGAGEMENT.recipient(), "APT-2411",
            "has not written within 24 hours (Meta 131047)", Route.SENT_AS_TEMPLATE, null, 0)
            .withWhatsAppStatus("FAILED 131047"),
        new DemoCustomer("C-1012", "Anita Desai", StatusScript.FAILED_UNDELIVERABLE.recipient(), "APT-2412",
            "no WhatsApp on the number (Meta 131026)", Route.NOT_DELIVERED_SMS, null, 0)
            .withWhatsAppStatus("FAILED 131026"),
        new DemoCustomer("C-1013", "Karan Singh", StatusScript.NOT_SENT.recipient(), "APT-2413",
            "Kaleyra never passed it to WhatsApp (NOT-SENT)", Route.NOT_DELIVERED_SMS, null, 0)
            .withWhatsAppStatus("NOT-SENT"),
        new DemoCustomer("C-1014", "Imran Sheikh", StatusScript.SILENT.recipient(), "APT-2414",
            "no status reported yet; keeps the real 4-hour deadline", Route.AWAITING_STATUS, null, 0)
            .withReadDeadline(REAL_READ_DEADLINE),
        tapper());
  }

  /**
   * The set for keep-running mode, where the demo leaves the tap to a person: the tapping customer is designed to
   * wait, and tapping the button in the sandbox's viewer ends their journey at "Confirmed by tap".
   */
  public static List<DemoCustomer> sandboxSetLeavingTheTap() {
    return sandboxSet().stream().map(c -> c.tapsButton() ? c.waitingForATap() : c).toList();
  }

  /**
   * Read receipts off: WhatsApp reports the reminder delivered, never read, so only the tap on "Manage appointment"
   * (Track taps on) ends the wait, as TAPPED. The real 4-hour deadline, so the reminder is still waiting when a person
   * taps it in keep-running mode.
   */
  public static DemoCustomer tapper() {
    return new DemoCustomer("C-1015", "Leela Pillai", StatusScript.READ_RECEIPTS_OFF.recipient(), "APT-2415",
        "read receipts off; taps \"Manage appointment\" (Track taps)", Route.CONFIRMED_BY_TAP, null, 0)
        .withReadDeadline(REAL_READ_DEADLINE).tappingTheButton();
  }

  /**
   * The one customer who gets a real message through Kaleyra. The run ends while the journey waits for the status:
   * Kaleyra's callbacks need a public URL for this application (docs/delivery-status.md).
   */
  public static List<DemoCustomer> realMessage(String recipient) {
    return List.of(new DemoCustomer("C-0001", "Demo Customer", recipient, "APT-DEMO",
        "one real message through Kaleyra", Route.AWAITING_STATUS, null, 0));
  }
}
