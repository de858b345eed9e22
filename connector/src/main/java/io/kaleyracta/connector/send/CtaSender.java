package io.kaleyracta.connector.send;

import io.kaleyracta.connector.client.KaleyraClient;
import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.input.CtaMessageInput;
import io.kaleyracta.connector.input.InputValidator;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.payload.CtaMessageRequest;
import io.kaleyracta.connector.payload.PayloadJson;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The send path without the engine: validate the input, skip what the ledger says was already accepted, map to
 * Kaleyra's payload, call Kaleyra, retry only failures that prove nothing was sent, record the acceptance.
 */
public final class CtaSender implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(CtaSender.class);

  private final KaleyraConfig config;
  private final KaleyraClient client;
  private final PayloadJson json;
  private final SendLedger ledger;

  /** Builds the REST client: make one sender per configuration and share it. */
  public CtaSender(KaleyraConfig config, SendLedger ledger) {
    this.config = config;
    this.json = new PayloadJson();
    this.client = KaleyraClient.create(config, json);
    this.ledger = ledger;
  }

  public KaleyraConfig config() {
    return config;
  }

  /**
   * @param rawInputs the task's inputs by {@code camunda:inputParameter} name
   * @param deliveryKey names this delivery for the ledger, or {@code null} when a re-run cannot be told apart
   */
  public SendOutcome send(Function<String, Object> rawInputs, String deliveryKey) {
    InputValidator.Result validated = InputValidator.validate(rawInputs, config.businessNumber());
    if (!validated.valid()) {
      LOG.warnf("KCTA-101 WhatsApp CTA not sent. %s", validated.message());
      return new SendOutcome.InvalidInput(validated.message());
    }
    CtaMessageInput input = validated.input();
    Optional<SendOutcome> earlier = deliveryKey == null ? Optional.empty() : ledger.find(deliveryKey);
    if (earlier.isPresent()) {
      return replay(earlier.get(), input);
    }
    SendOutcome outcome = sendWithRetries(input.businessNumber(), CtaMessageRequest.from(input));
    if (deliveryKey != null && outcome.mayHaveBeenSent()) {
      ledger.record(deliveryKey, outcome);
    }
    if (outcome.accepted()) {
      LOG.infof("KCTA-100 WhatsApp CTA accepted: messageId=%s ref=%s to=%s", outcome.messageId(), input.ref(),
          CtaMessageInput.maskPhone(input.recipient()));
    } else {
      LOG.warnf("KCTA-103 WhatsApp CTA not sent: code=%s message=%s ref=%s to=%s", outcome.errorCode(),
          outcome.errorMessage(), input.ref(), CtaMessageInput.maskPhone(input.recipient()));
    }
    return outcome;
  }

  /** The engine runs this delivery again: what was (maybe) sent is not sent twice. */
  private static SendOutcome replay(SendOutcome earlier, CtaMessageInput input) {
    if (earlier.accepted()) {
      LOG.infof("KCTA-102 WhatsApp CTA already accepted in an earlier run of this job, not sent again: "
          + "messageId=%s ref=%s", earlier.messageId(), input.ref());
    } else {
      LOG.warnf("KCTA-106 WhatsApp CTA not sent again: an earlier run of this job got no readable answer from "
          + "Kaleyra, so the message may have been delivered (ref=%s); check Kaleyra's report", input.ref());
    }
    return earlier;
  }

  private SendOutcome sendWithRetries(String businessNumber, CtaMessageRequest request) {
    Duration backoff = config.initialBackoff();
    SendOutcome outcome = client.send(businessNumber, request);
    for (int attempt = 2; attempt <= config.maxAttempts() && outcome.retryable(); attempt++) {
      LOG.infof("KCTA-104 Kaleyra attempt %d of %d failed (%s), retrying in %d ms", attempt - 1,
          config.maxAttempts(), outcome.errorCode(), backoff.toMillis());
      try {
        Thread.sleep(backoff.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return outcome;
      }
      backoff = backoff.multipliedBy(2);
      outcome = client.send(businessNumber, request);
    }
    return outcome;
  }

  @Override
  public void close() {
    client.close();
    try {
      json.close();
    } catch (Exception e) {
      LOG.debug("KCTA-105 closing JSON-B failed", e);
    }
  }
}
