package io.kaleyracta.connector.send;

import static io.kaleyracta.connector.log.ConnectorLog.LOG;

import io.kaleyracta.connector.client.KaleyraClient;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.input.CtaMessageInput;
import io.kaleyracta.connector.input.InputField;
import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.input.Violation;
import io.kaleyracta.connector.ledger.Completion;
import io.kaleyracta.connector.ledger.Delivery;
import io.kaleyracta.connector.ledger.DeliveryContext;
import io.kaleyracta.connector.ledger.Fingerprint;
import io.kaleyracta.connector.ledger.LedgerEntry;
import io.kaleyracta.connector.ledger.LedgerUnavailableException;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.connector.observe.SendObserver;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import io.kaleyracta.connector.tracking.TapLinks;
import io.kaleyracta.connector.tracking.TrackingConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The send path without the engine: validate the input, map it to Kaleyra's payload, claim the delivery in the
 * ledger (a re-run finds the claim and sends nothing), add a tracking link on the button when the task tracks taps,
 * call Kaleyra, retry only failures that prove nothing was sent, and record the outcome in the ledger.
 */
public final class CtaSender implements AutoCloseable {

  private final KaleyraConfig config;
  private final KaleyraClient client;
  private final PayloadJson json;
  private final SendObserver observer;
  private final SendRate rate;
  private final TapLinks tapLinks;

  /** Builds the REST client: make one sender per configuration and share it. */
  public CtaSender(KaleyraConfig config) {
    this(config, SendObserver.NONE);
  }

  /**
   * Same, with an observer that is told every outcome, retry and replay (metrics, health). Without tap tracking: a
   * task with {@code trackTaps} on gets {@code KALEYRA_INVALID_INPUT}.
   */
  public CtaSender(KaleyraConfig config, SendObserver observer) {
    this(config, observer, TapLinks.notConfigured());
  }

  /** Same, with tap tracking: {@code tapLinks} keeps the original URLs and makes the tracking links. */
  public CtaSender(KaleyraConfig config, SendObserver observer, TapLinks tapLinks) {
    this.config = config;
    this.json = new PayloadJson();
    this.client = KaleyraClient.create(config, json);
    this.observer = observer;
    this.rate = new SendRate(config.sendsPerSecond());
    this.tapLinks = tapLinks;
  }

  public KaleyraConfig config() {
    return config;
  }

  public TrackingConfig trackingConfig() {
    return tapLinks.config();
  }

  /**
   * @param rawInputs the task's inputs by {@code camunda:inputParameter} name
   * @param delivery the ledger and the message's key and origin, or {@code null} to send without a ledger
   * @throws io.kaleyracta.connector.ledger.LedgerUnavailableException when the claim (or a tracked link) could not be
   *     recorded; nothing was sent
   */
  public SendOutcome send(Function<String, Object> rawInputs, DeliveryContext delivery) {
    long started = System.nanoTime();
    InputValidator.Result validated = InputValidator.validate(rawInputs, config.businessNumber());
    if (!validated.valid()) {
      LOG.invalidInput(validated.message());
      SendOutcome invalid = new SendOutcome.InvalidInput(validated.message());
      observer.completed(invalid, Duration.ofNanos(System.nanoTime() - started));
      return invalid;
    }
    CtaMessageInput input = validated.input();
    if (input.trackTaps() && !tapLinks.usable()) {
      String message = new InputValidator.Result(null, List.of(new Violation(InputField.TRACK_TAPS.inputName(),
          "is on, but " + tapLinks.config().problem()))).message();
      LOG.invalidInput(message);
      SendOutcome invalid = new SendOutcome.InvalidInput(message);
      observer.completed(invalid, Duration.ofNanos(System.nanoTime() - started));
      return invalid;
    }
    if (input.trackTaps() && input.buttonUrl().length() > TapLinks.MAX_URL_LENGTH) {
      String message = new InputValidator.Result(null, List.of(new Violation(InputField.BUTTON_URL.inputName(),
          "at most " + TapLinks.MAX_URL_LENGTH + " characters when trackTaps is on (got "
              + input.buttonUrl().length() + ")"))).message();
      LOG.invalidInput(message);
      SendOutcome invalid = new SendOutcome.InvalidInput(message);
      observer.completed(invalid, Duration.ofNanos(System.nanoTime() - started));
      return invalid;
    }
    // the link first, before the claim: if it cannot be stored, nothing is claimed and nothing is sent. Links of a
    // task go where its engine keeps them (its database), so every node answers them
    TapLinks links = tapLinks;
    TapLinks.Link link = null;
    if (input.trackTaps()) {
      try {
        links = delivery == null ? tapLinks : tapLinks.withStore(delivery.tapStore(tapLinks.config()));
        link = links.create(input.buttonUrl());
      } catch (RuntimeException e) {
        throw new LedgerUnavailableException("The tracked button link could not be stored, so nothing was sent: "
            + e.getMessage(), e);
      }
    }
    SendLedger ledger = delivery == null ? null : delivery.ledger();
    String key = null;
    if (ledger != null) {
      // the content as the task gave it: a tracking link is new on every run, so it stays out of the fingerprint
      key = delivery.deliveryKey(Fingerprint.of(input.businessNumber(), json.toJson(CtaMessageRequest.from(input))));
      Optional<LedgerEntry> earlier = ledger.claim(new Delivery(key, delivery.origin()));
      if (earlier.isPresent()) {
        SendOutcome replayed = replay(earlier.get(), input);
        observer.replayed(replayed);
        return replayed;
      }
    }
    CtaMessageRequest request = CtaMessageRequest.from(link == null ? input : input.withButtonUrl(link.trackedUrl()));
    SendOutcome outcome = sendWithRetries(input.businessNumber(), request);
    observer.completed(outcome, Duration.ofNanos(System.nanoTime() - started));
    if (ledger != null) {
      if (outcome.mayHaveBeenSent()) {
        ledger.complete(key, outcome.accepted() ? Completion.accepted(outcome.messageId())
            : Completion.unknown(outcome.errorMessage()));
      } else {
        ledger.release(key);
      }
    }
    if (link != null && outcome.accepted() && outcome.messageId() != null) {
      try {
        links.accepted(link, outcome.messageId());
      } catch (RuntimeException e) {
        LOG.tapLinkWithoutMessageId(outcome.messageId(), e); // the message is out: its outcome stands
      }
    }
    if (outcome.accepted()) {
      LOG.accepted(outcome.messageId(), input.ref(), input.recipient());
    } else {
      LOG.notSent(outcome.errorCode(), outcome.errorMessage(), input.ref(), input.recipient());
    }
    return outcome;
  }

  /** The engine runs this delivery again: what was (maybe) sent is not sent twice. */
  private static SendOutcome replay(LedgerEntry earlier, CtaMessageInput input) {
    switch (earlier.state()) {
      case ACCEPTED -> {
        LOG.alreadyAccepted(earlier.messageId(), input.ref());
        return new SendOutcome.Accepted(earlier.messageId());
      }
      case UNKNOWN -> {
        LOG.unknownOutcomeNotResent(input.ref());
        return new SendOutcome.Unconfirmed(earlier.error());
      }
      default -> {
        String message = "An earlier attempt of this delivery started at " + earlier.startedAt() + " on "
            + earlier.node() + " and recorded no outcome (that node stopped or lost its database while sending, or "
            + "is still sending); the message may or may not have been sent: check Kaleyra's report before "
            + "sending it again";
        LOG.inFlightNotResent(input.ref(), message);
        return new SendOutcome.Unconfirmed(message);
      }
    }
  }

  /**
   * Retries what proves nothing was sent, within the budget: {@code kaleyra.retry.max-attempts} attempts, pausing
   * the doubling backoff, or as long as a 429's Retry-After asks when that is at most
   * {@code kaleyra.retry.max-retry-after-ms} (a longer wait ends the call: the job would outlive its lock).
   */
  private SendOutcome sendWithRetries(String businessNumber, CtaMessageRequest request) {
    Duration backoff = config.initialBackoff();
    SendOutcome outcome = sendInTurn(businessNumber, request);
    for (int attempt = 2; attempt <= config.maxAttempts() && outcome.retryable(); attempt++) {
      Duration pause = outcome.retryAfter() == null ? backoff : outcome.retryAfter();
      if (outcome.retryAfter() != null && pause.compareTo(config.maxRetryAfter()) > 0) {
        LOG.retryAfterTooLong(pause, KaleyraConfig.RETRY_MAX_RETRY_AFTER_MS, config.maxRetryAfter());
        return outcome;
      }
      LOG.retrying(attempt - 1, config.maxAttempts(), outcome.errorCode(), pause);
      observer.retrying(outcome);
      try {
        Thread.sleep(pause.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome;
      }
      backoff = backoff.multipliedBy(2);
      outcome = sendInTurn(businessNumber, request);
    }
    return outcome;
  }

  /** One request when the business number's send rate allows it; interrupted while waiting, nothing was sent. */
  private SendOutcome sendInTurn(String businessNumber, CtaMessageRequest request) {
    try {
      rate.awaitTurn(businessNumber);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new SendOutcome.Unavailable("Interrupted while waiting for the business number's send rate ("
          + KaleyraConfig.RATE_PER_SECOND + "); nothing was sent");
    }
    return client.send(businessNumber, request);
  }

  @Override
  public void close() {
    client.close();
    try {
      json.close();
    } catch (Exception e) {
      LOG.closingJsonFailed(e);
    }
  }
}
