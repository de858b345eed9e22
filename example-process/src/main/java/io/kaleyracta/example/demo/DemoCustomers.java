package io.kaleyracta.example.demo;

import io.kaleyracta.sandbox.Trigger;
import java.util.List;

/** The customers the one command runs: a set that covers every route against the sandbox, or one real message. */
public final class DemoCustomers {

  private DemoCustomers() {
  }

  /** One customer per route; the failures come from the sandbox's reserved numbers ({@link Trigger}). */
  public static List<DemoCustomer> sandboxSet() {
    return List.of(
        new DemoCustomer("C-1001", "Asha Rao", "+919812345670", "APT-2401",
            "everything works, with the clinic's photo as image header", Route.SENT, null, 0,
            DemoCustomer.CLINIC_PHOTO_URL),
        new DemoCustomer("C-1002", "Vikram Shah", Trigger.OUTAGE_THEN_RECOVERY.recipient(), "APT-2402",
            "Kaleyra down for a while (WA500), then back", Route.SENT, null, 1),
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
            "a Kaleyra code the diagram does not catch", Route.INCIDENT, "WAV2101", 0));
  }

  /** The one customer who gets a real message through Kaleyra. */
  public static List<DemoCustomer> realMessage(String recipient) {
    return List.of(new DemoCustomer("C-0001", "Demo Customer", recipient, "APT-DEMO",
        "one real message through Kaleyra", Route.SENT, null, 0));
  }
}
