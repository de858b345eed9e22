package io.kaleyracta.connector.status.engine;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.status.StatusEvent;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.StatusSink;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The endpoint's sink on an engine: stores the statuses durably (the callback is acknowledged only after that),
 * then ends the waits they satisfy. A failure to end a wait does not fail the callback: the status is stored, and
 * the {@link StatusSweeper} or the wait's own listener ends it later.
 */
public final class CorrelatingInbox implements StatusSink {

  private final StatusInbox inbox;
  private final StatusCorrelator correlator;

  public CorrelatingInbox(StatusInbox inbox, StatusCorrelator correlator) {
    this.inbox = inbox;
    this.correlator = correlator;
  }

  @Override
  public void accept(List<StatusEvent> events) {
    inbox.accept(events);
    Set<String> ids = new LinkedHashSet<>();
    events.forEach(event -> ids.addAll(event.messageIds()));
    try {
      correlator.correlate(ids);
    } catch (RuntimeException e) {
      LOG.waitsNotEndedAfterStore(ids, e);
    }
  }
}
