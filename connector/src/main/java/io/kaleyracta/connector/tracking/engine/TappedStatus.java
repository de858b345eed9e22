package io.kaleyracta.connector.tracking.engine;

import io.kaleyracta.connector.ledger.LedgerEntry;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.status.DeliveryStatus;
import io.kaleyracta.connector.status.StatusEvent;
import io.kaleyracta.connector.status.StatusInbox;
import io.kaleyracta.connector.status.engine.StatusCorrelator;
import io.kaleyracta.connector.tracking.TapCorrelator;
import io.kaleyracta.connector.tracking.TrackedLink;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A first tap as the status {@code TAPPED} of the link's message, at the time of the tap, in the status inbox where
 * Kaleyra's statuses are: the "Wait for WhatsApp status" receive tasks see it exactly as they see READ.
 *
 * <ul>
 *   <li>{@link #record}: stores TAPPED before the customer's redirect is answered (one insert, no engine command).
 *   <li>{@link #correlate}: stores it again if that failed (a stored status is kept as it was), then ends the waits
 *       it satisfies. Should that fail, the status inbox's sweep ends them on its next round; a wait reached later
 *       finds the stored tap when it starts.
 * </ul>
 */
public final class TappedStatus implements TapCorrelator {

  private final StatusInbox inbox;
  private final StatusCorrelator correlator;
  private final SendLedger ledger;
  private final Predicate<String> processRunning;

  /**
   * @param ledger the send ledger, to tell a tap for an ended process (for the log only)
   * @param processRunning whether a process instance (by id) still runs
   */
  public TappedStatus(StatusInbox inbox, StatusCorrelator correlator, SendLedger ledger,
      Predicate<String> processRunning) {
    this.inbox = inbox;
    this.correlator = correlator;
    this.ledger = ledger;
    this.processRunning = processRunning;
  }

  @Override
  public void record(TrackedLink link) {
    inbox.accept(List.of(tapped(link)));
  }

  @Override
  public Result correlate(TrackedLink link) {
    inbox.accept(List.of(tapped(link)));
    if (correlator.correlate(List.of(link.messageId())) > 0) {
      return Result.CORRELATED;
    }
    // nothing waits now: the tap stays stored for a wait reached later, unless the process has ended
    Optional<String> instance = ledger.findByMessageId(link.messageId()).map(LedgerEntry::origin)
        .map(origin -> origin.processInstanceId());
    return instance.isPresent() && !processRunning.test(instance.get()) ? Result.PROCESS_ENDED : Result.CORRELATED;
  }

  private static StatusEvent tapped(TrackedLink link) {
    return new StatusEvent(List.of(link.messageId()), DeliveryStatus.TAPPED, link.firstTapAt(), null, null, null,
        null, null);
  }
}
