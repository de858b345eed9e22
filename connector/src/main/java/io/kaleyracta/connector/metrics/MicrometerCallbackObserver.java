package io.kaleyracta.connector.metrics;

import io.kaleyracta.connector.status.CallbackObserver;
import io.kaleyracta.connector.status.StatusEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * The status callback endpoint's meters. Tags stay few and bounded: the HTTP answer, the status and Meta's error
 * code of a failure; never a message id, a phone number or a ref.
 */
public final class MicrometerCallbackObserver implements CallbackObserver {

  public static final String CALLBACKS = "kaleyra.whatsapp.status.callbacks";
  public static final String STATUSES = "kaleyra.whatsapp.statuses";

  private final MeterRegistry registry;

  public MicrometerCallbackObserver(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(int httpStatus, List<StatusEvent> stored) {
    Counter.builder(CALLBACKS)
        .description("Status callbacks by the endpoint's answer (401: wrong or no credentials; 503: not stored, "
            + "Kaleyra retries)")
        .tags("answer", Integer.toString(httpStatus))
        .register(registry)
        .increment();
    for (StatusEvent event : stored) {
      Counter.builder(STATUSES)
          .description("Delivery statuses stored, by status and Meta's error code (repeated callbacks included)")
          .tags("status", event.status().wireName(), "code", code(event.errorCode()))
          .register(registry)
          .increment();
    }
  }

  /** Meta's codes are numbers of up to six digits; anything else is one tag value, so the meter stays bounded. */
  private static String code(String errorCode) {
    if (errorCode == null) {
      return MicrometerSendObserver.NO_CODE;
    }
    return errorCode.matches("\\d{1,6}") ? errorCode : "other";
  }
}
