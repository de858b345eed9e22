package io.kaleyracta.connector.tracking;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Hands first taps to the journey after the customer's browser already has its redirect: the tap is stored first,
 * then correlated on this class's own thread, so a busy engine never slows the redirect. A correlation that cannot
 * be made yet is retried with a doubling pause (capped) until it succeeds, the process has ended, or the link has
 * left the store.
 */
public final class TapCorrelation implements AutoCloseable {

  static final Duration FIRST_PAUSE = Duration.ofMillis(500);
  static final Duration MAX_PAUSE = Duration.ofMinutes(5);

  private final TapStore store;
  private final TapCorrelator correlator;
  private final Duration firstPause;
  private final ScheduledExecutorService worker;

  public TapCorrelation(TapStore store, TapCorrelator correlator) {
    this(store, correlator, FIRST_PAUSE);
  }

  public TapCorrelation(TapStore store, TapCorrelator correlator, Duration firstPause) {
    this.store = store;
    this.correlator = correlator;
    this.firstPause = firstPause;
    this.worker = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "kaleyra-tap-correlation");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Records the first tap of the link now, on the caller's thread ({@link TapCorrelator#record}, when its message id
   * is known), and correlates it soon, on the correlation thread.
   */
  public void submit(TrackedLink first) {
    if (first.messageId() != null) {
      try {
        correlator.record(first);
      } catch (RuntimeException e) {
        LOG.tapNotRecorded(first.messageId(), e);
      }
    }
    worker.execute(() -> attempt(first.id(), firstPause, 1));
  }

  private void attempt(String linkId, Duration pause, int attempt) {
    TrackedLink link;
    try {
      link = store.find(linkId).orElse(null);
    } catch (RuntimeException e) { // the database, for a moment: the chain goes on, or the tap would be lost
      LOG.tapCorrelationFailed(linkId, attempt, e);
      retry(linkId, pause, attempt);
      return;
    }
    if (link == null) {
      LOG.tapLinkGone(linkId);
      return;
    }
    TapCorrelator.Result result;
    if (link.messageId() == null) {
      result = TapCorrelator.Result.NOT_YET; // tapped before the send's acceptance was recorded
    } else {
      try {
        result = correlator.correlate(link);
      } catch (RuntimeException e) {
        LOG.tapCorrelationFailed(link.messageId(), attempt, e);
        result = TapCorrelator.Result.NOT_YET;
      }
    }
    switch (result) {
      case CORRELATED -> LOG.tapPassedOn(link.messageId());
      case PROCESS_ENDED -> LOG.tapAfterProcessEnded(link.messageId());
      case NOT_YET -> retry(linkId, pause, attempt);
    }
  }

  private void retry(String linkId, Duration pause, int attempt) {
    Duration next = pause.multipliedBy(2).compareTo(MAX_PAUSE) > 0 ? MAX_PAUSE : pause.multipliedBy(2);
    if (!worker.isShutdown()) {
      worker.schedule(() -> attempt(linkId, next, attempt + 1), pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
