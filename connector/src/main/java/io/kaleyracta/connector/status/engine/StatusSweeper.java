package io.kaleyracta.connector.status.engine;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.engine.EngineLedger;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.status.StatusInbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The periodic round of the status inbox, run by the host every {@value #DEFAULT_PERIOD_SECONDS} s or so:
 * <ol>
 *   <li>ends waits whose status is stored but whose after-commit correlation was lost (a crash at that moment);</li>
 *   <li>drops the statuses of message ids that neither a wait nor the send ledger knows within
 *       {@code kaleyra.callback.unknown-retention-minutes} (default 60: long enough for a send's commit), with a log
 *       line: a message this engine did not send (another system on the same business number) is none of its
 *       business. Statuses of the engine's own messages are kept, for a model that waits for them later;</li>
 *   <li>drops every status after {@code kaleyra.callback.retention-days} (default 7).</li>
 * </ol>
 */
public final class StatusSweeper implements Runnable {

  public static final String UNKNOWN_RETENTION_MINUTES = "kaleyra.callback.unknown-retention-minutes";
  public static final String RETENTION_DAYS = "kaleyra.callback.retention-days";
  public static final long DEFAULT_PERIOD_SECONDS = 30;
  private static final int BATCH = 500;

  private final StatusInbox inbox;
  private final StatusCorrelator correlator;
  private final Predicate<String> sentHere;
  private final Duration unknownRetention;
  private final Duration retention;
  private final Clock clock;
  private final int batch;

  /**
   * @param sentHere whether a message id is one this engine sent (the send ledger has it)
   */
  public StatusSweeper(StatusInbox inbox, StatusCorrelator correlator, Predicate<String> sentHere,
      Duration unknownRetention, Duration retention, Clock clock) {
    this(inbox, correlator, sentHere, unknownRetention, retention, clock, BATCH);
  }

  /** @param batch how many waits and unknown ids a round looks at */
  StatusSweeper(StatusInbox inbox, StatusCorrelator correlator, Predicate<String> sentHere,
      Duration unknownRetention, Duration retention, Clock clock, int batch) {
    this.batch = batch;
    this.inbox = inbox;
    this.correlator = correlator;
    this.sentHere = sentHere;
    this.unknownRetention = unknownRetention;
    this.retention = retention;
    this.clock = clock;
  }

  public static StatusSweeper forEngine(ProcessEngine engine, Function<String, String> config) {
    ProcessEngineConfigurationImpl configuration = StatusCallbackEndpoint.configuration(engine);
    StatusInbox inbox = StatusCallbackEndpoint.inbox(configuration);
    SendLedger ledger = EngineLedger.of(configuration);
    return new StatusSweeper(inbox, new StatusCorrelator(configuration, inbox),
        messageId -> ledger.findByMessageId(messageId).isPresent(), Duration.ofMinutes(number(config, UNKNOWN_RETENTION_MINUTES, 60)),
        Duration.ofDays(number(config, RETENTION_DAYS, 7)), Clock.systemUTC());
  }

  /**
   * {@link #forEngine} for hosts that hold no engine type (see {@link StatusCallbackEndpoint#forLazyEngine}): the
   * engine is asked for at the first round; a round before it has started does nothing.
   */
  public static Runnable forLazyEngine(Supplier<?> engine, Function<String, String> config) {
    AtomicReference<StatusSweeper> sweeper = new AtomicReference<>();
    return () -> {
      if (sweeper.get() == null) {
        try {
          sweeper.compareAndSet(null, forEngine((ProcessEngine) engine.get(), config));
        } catch (RuntimeException notYet) {
          return;
        }
      }
      sweeper.get().run();
    };
  }

  /** The last failure reported, so that a lasting one (a missing table) is logged once, not every round. */
  private volatile String lastFailure;

  @Override
  public void run() {
    try {
      sweep();
      lastFailure = null;
    } catch (RuntimeException e) {
      if (!String.valueOf(e.getMessage()).equals(lastFailure)) {
        lastFailure = String.valueOf(e.getMessage());
        LOG.sweepFailed(e);
      }
    }
  }

  /** One round; returns the number of waits it ended. */
  public int sweep() {
    Instant now = clock.instant();
    Step<Integer> correlation = Step.run(() -> correlator.correlateWaiting(batch));
    // each step on its own: a wait that cannot be ended (its next task fails) must not stop the clean-up
    Step<Void> unknown = Step.run(() -> dropUnknown(now));
    Step<Integer> purge = Step.run(() -> inbox.purgeReceivedBefore(now.minus(retention)));
    RuntimeException failure = Step.firstFailure(correlation, unknown, purge);
    if (failure != null) {
      throw failure;
    }
    return correlation.value();
  }

  private Void dropUnknown(Instant now) {
    Instant unknownCutoff = now.minus(unknownRetention);
    int statuses = 0;
    int messages = 0;
    for (String messageId : inbox.unknownReceivedBefore(unknownCutoff, batch)) {
      if (correlator.isAwaited(messageId) || sentHere.test(messageId)) {
        inbox.markKnown(messageId);
      } else {
        int dropped = inbox.delete(messageId, unknownCutoff);
        if (dropped > 0) {
          LOG.unknownStatusesDropped(dropped, messageId, unknownRetention.toMinutes());
          statuses += dropped;
          messages++;
        }
      }
    }
    if (messages > 0) {
      LOG.unknownStatusesDroppedInRound(statuses, messages, unknownRetention.toMinutes());
    }
    return null;
  }

  /** The value or the failure of one step of a round. */
  private record Step<T>(T value, RuntimeException failure) {

    static <T> Step<T> run(Supplier<T> step) {
      try {
        return new Step<>(step.get(), null);
      } catch (RuntimeException e) {
        return new Step<>(null, e);
      }
    }

    static RuntimeException firstFailure(Step<?>... steps) {
      RuntimeException first = null;
      for (Step<?> step : steps) {
        if (step.failure() == null) {
          continue;
        }
        if (first == null) {
          first = step.failure();
        } else {
          first.addSuppressed(step.failure());
        }
      }
      return first;
    }
  }


  private static long number(Function<String, String> config, String key, long fallback) {
    String value = config.apply(key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.trim());
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(key + " must be a whole number > 0");
  }
}
