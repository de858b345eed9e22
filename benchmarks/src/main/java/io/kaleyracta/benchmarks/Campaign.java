package io.kaleyracta.benchmarks;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The campaign message every row sends: the inputs of the element template's example (header, body with the
 * customer's name, footer, button, refs), one recipient per process instance.
 */
final class Campaign {

  static final String SID = "HXBENCH0000000IN";
  static final String API_KEY = "bench-key-not-secret";
  static final String BUSINESS_NUMBER = "+919000000000";

  /** The template's inputs, in its order; expressions read the instance's variables. */
  static final Map<String, String> TASK_INPUTS = new LinkedHashMap<>();

  static {
    TASK_INPUTS.put("recipient", "${customerPhone}");
    TASK_INPUTS.put("headerText", "Your offer is ready");
    TASK_INPUTS.put("bodyText", "Hi ${firstName}!\nTap the button below to see your personal offer.");
    TASK_INPUTS.put("footerText", "Valid for 7 days");
    TASK_INPUTS.put("buttonText", "See offer");
    TASK_INPUTS.put("buttonUrl", "https://shop.example.com/offer?c=${customerId}");
    TASK_INPUTS.put("ref", "${customerId}");
    TASK_INPUTS.put("ref1", "spring-campaign");
    TASK_INPUTS.put("ref2", "benchmark");
    TASK_INPUTS.put("waSource", "api");
  }

  private static final AtomicLong NEXT_CUSTOMER = new AtomicLong();

  private Campaign() {
  }

  /** The variables of the next customer: a distinct phone number each, so duplicates can be counted. */
  static Map<String, Object> nextCustomer() {
    long n = NEXT_CUSTOMER.incrementAndGet();
    Map<String, Object> variables = new HashMap<>();
    variables.put("customerPhone", "+91" + (7_000_000_000L + n));
    variables.put("firstName", "Asha");
    variables.put("customerId", "C-" + n);
    return variables;
  }

  /** The task's inputs with one customer's values filled in, as the engine would resolve them. */
  static Map<String, Object> resolvedInputs(Map<String, Object> customer) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    TASK_INPUTS.forEach((name, value) -> inputs.put(name, value
        .replace("${customerPhone}", (String) customer.get("customerPhone"))
        .replace("${firstName}", (String) customer.get("firstName"))
        .replace("${customerId}", (String) customer.get("customerId"))));
    return inputs;
  }
}
