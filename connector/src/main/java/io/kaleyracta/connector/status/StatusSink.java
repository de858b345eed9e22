package io.kaleyracta.connector.status;

import java.util.List;

/**
 * Where received statuses go. {@link #accept} returns only once the events are stored durably (the receiver
 * acknowledges the callback after it returns, so Kaleyra retries when it throws); storing the same event twice
 * must keep one.
 */
@FunctionalInterface
public interface StatusSink {

  void accept(List<StatusEvent> events);
}
