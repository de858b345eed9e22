package io.kaleyracta.connector.log;

import io.kaleyracta.connector.input.CtaMessageInput;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Every line the connector logs, each with its number ({@code KCTA-nnn}), in one place as in Camunda's
 * {@code BaseLogger} subclasses, so that what reaches a log is decided here and nowhere else: phone numbers masked,
 * no message text, no header values, and every value escaped. A ref, Kaleyra's message or an exception's text can
 * hold CR, LF or other control characters; escaped, they can never start a line of their own (a forged
 * {@code KCTA-100 ... accepted}) or reorder what a terminal shows.
 *
 * <p>Categories stay those of the classes that log: {@code io.kaleyracta.connector.client.KaleyraClient} (the HTTP
 * exchange), {@code io.kaleyracta.connector.send.CtaSender} (one line per send) and
 * {@code io.kaleyracta.connector.engine} (engine checks), {@code io.kaleyracta.connector.tracking} (tap tracking),
 * {@code io.kaleyracta.connector.ledger} (the send ledger and the connector's tables) and
 * {@code io.kaleyracta.connector.status} (delivery status callbacks and waits; message ids come from callbacks,
 * so they are escaped like every other value).
 */
public final class ConnectorLog {

  public static final ConnectorLog LOG = new ConnectorLog();

  private final Logger client = Logger.getLogger("io.kaleyracta.connector.client.KaleyraClient");
  private final Logger send = Logger.getLogger("io.kaleyracta.connector.send.CtaSender");
  private final Logger engine = Logger.getLogger("io.kaleyracta.connector.engine");
  private final Logger tracking = Logger.getLogger("io.kaleyracta.connector.tracking");
  private final Logger ledger = Logger.getLogger("io.kaleyracta.connector.ledger");
  private final Logger status = Logger.getLogger("io.kaleyracta.connector.status");

  private ConnectorLog() {
  }

  // the HTTP exchange, KCTA-01x

  public void request(String sid, String businessNumber, String recipient) {
    if (client.isDebugEnabled()) {
      client.debugf("KCTA-010 POST /v2/%s/whatsapp/%s/messages headers [Content-Type: application/json, "
          + "cache-control: no-cache, api-key: (omitted)] to %s", escape(sid), mask(businessNumber), mask(recipient));
    }
  }

  public void answered(int status) {
    client.debugf("KCTA-011 Kaleyra answered HTTP %d", status);
  }

  public void acceptedWithoutMessageId(int status, String code) {
    client.warnf("KCTA-012 Kaleyra accepted the message (HTTP %d, %s) but its answer had no readable message_id",
        status, escape(code));
  }

  public void closingClientFailed(Exception e) {
    client.debugf("KCTA-013 closing the REST client failed: %s", escape(e));
  }

  public void quietEngineNotVisible(LinkageError e) {
    client.debugf("KCTA-014 RESTEasy's Apache engine is not visible here (%s); using the standard client", escape(e));
  }

  // one line per send, KCTA-10x

  public void accepted(String messageId, String ref, String recipient) {
    send.infof("KCTA-100 WhatsApp CTA accepted: messageId=%s ref=%s to=%s", escape(messageId), escape(ref),
        mask(recipient));
  }

  public void invalidInput(String violations) {
    send.warnf("KCTA-101 WhatsApp CTA not sent. %s", escape(violations));
  }

  public void alreadyAccepted(String messageId, String ref) {
    send.infof("KCTA-102 WhatsApp CTA already accepted in an earlier run of this job, not sent again: "
        + "messageId=%s ref=%s", escape(messageId), escape(ref));
  }

  public void notSent(String code, String message, String ref, String recipient) {
    send.warnf("KCTA-103 WhatsApp CTA not sent: code=%s message=%s ref=%s to=%s", escape(code), escape(message),
        escape(ref), mask(recipient));
  }

  public void retrying(int failedAttempt, int maxAttempts, String code, Duration pause) {
    send.infof("KCTA-104 Kaleyra attempt %d of %d failed (%s), retrying in %d ms", failedAttempt, maxAttempts,
        escape(code), pause.toMillis());
  }

  public void closingJsonFailed(Exception e) {
    send.debugf("KCTA-105 closing JSON-B failed: %s", escape(e));
  }

  public void unknownOutcomeNotResent(String ref) {
    send.warnf("KCTA-106 WhatsApp CTA not sent again: an earlier run of this job got no readable answer from "
        + "Kaleyra, so the message may have been delivered (ref=%s); check Kaleyra's report", escape(ref));
  }

  public void retryAfterTooLong(Duration retryAfter, String key, Duration cap) {
    send.infof("KCTA-107 Kaleyra asked to retry after %d ms, longer than %s allows (%d ms): not waiting",
        retryAfter.toMillis(), key, cap.toMillis());
  }

  public void inFlightNotResent(String ref, String why) {
    send.warnf("KCTA-108 WhatsApp CTA not sent again (ref=%s): %s", escape(ref), escape(why));
  }

  // engine checks, KCTA-20x

  public void sendMayOutlastJobLock(String engineName, Duration worstCase, long lockTimeMillis, String keys) {
    engine.warnf("KCTA-200 A WhatsApp CTA send may take up to %d ms with this configuration (%s), longer than the "
        + "job executor's lock time of engine '%s' (%d ms): another job executor may then run the same job at the "
        + "same time. Lower those values or raise the lock time (lockTimeInMillis)", worstCase.toMillis(), keys,
        escape(engineName), lockTimeMillis);
  }

  // tap tracking, KCTA-13x

  public void tapEndpointUnconfigured(String problem) {
    tracking.warnf("KCTA-130 The tap redirect endpoint answers 404 to everything: %s", escape(problem));
  }

  public void tapPassedOn(String messageId) {
    tracking.infof("KCTA-131 TAPPED passed on to the journey: messageId=%s", escape(messageId));
  }

  public void tapAfterProcessEnded(String messageId) {
    tracking.infof("KCTA-132 TAPPED for messageId=%s after its process ended: recorded only", escape(messageId));
  }

  public void tapLinkGone(String linkId) {
    tracking.warnf("KCTA-133 Tap on link %s not correlated: the link is no longer stored", escape(linkId));
  }

  public void tapCorrelationFailed(String messageId, int attempt, Exception e) {
    tracking.warnf("KCTA-134 Correlating the tap of message %s failed (attempt %d), will retry: %s", escape(messageId),
        attempt, escape(e));
  }

  public void tapLinksPurged(int count, long retentionDays) {
    tracking.debugf("KCTA-135 deleted %d tracked links older than %d days", count, retentionDays);
  }

  public void tapLinksNotPurged(Exception e) {
    tracking.warnf("KCTA-135 expired tracked links not deleted, tried again in an hour: %s", escape(e));
  }

  public void tapNotRecorded(String messageId, Exception e) {
    tracking.warnf("KCTA-136 TAPPED for message %s not stored before the redirect, the correlation step tries again: "
        + "%s", escape(messageId), escape(e));
  }

  public void tapNotCounted(Exception e) {
    tracking.warnf("KCTA-138 a tap was redirected but not counted: the tracked links could not be written: %s",
        escape(e));
  }

  public void tapLinkWithoutMessageId(String messageId, Exception e) {
    tracking.warnf("KCTA-139 message %s was sent, but its tracked link could not note the message id: its taps are "
        + "redirected and counted, not handed to the journey: %s", escape(messageId), escape(e));
  }

  public void tapStoreUnavailable(Exception e) {
    tracking.warnf("KCTA-137 the tap redirect answered 503: the tracked links could not be read: %s", escape(e));
  }

  // the send ledger and the connector's tables, KCTA-30x

  public void outcomeNotRecorded(String deliveryKey, boolean accepted, String messageId, Exception e) {
    ledger.errorf("KCTA-300 The send ledger could not record the outcome of delivery %s (accepted=%s, messageId=%s): "
        + "%s; it stays in flight, so a re-run of this job reports KALEYRA_OUTCOME_UNKNOWN", escape(deliveryKey),
        accepted, escape(messageId), escape(e));
  }

  public void releaseFailed(String deliveryKey, Exception e) {
    ledger.warnf("KCTA-301 The send ledger could not release delivery %s, whose request never reached Kaleyra: %s; "
        + "a re-run of this job reports KALEYRA_OUTCOME_UNKNOWN instead of sending", escape(deliveryKey), escape(e));
  }

  public void purged(int entries, Duration retention) {
    ledger.debugf("KCTA-302 The send ledger deleted %d entries older than %s", entries, retention);
  }

  public void purgeFailed(Exception e) {
    ledger.warnf("KCTA-303 The send ledger could not delete old entries (%s); trying again in an hour", escape(e));
  }

  public void tableCreated(String table, String file) {
    ledger.infof("KCTA-304 Created the connector's table %s from %s", escape(table), escape(file));
  }

  // delivery status callbacks and waits, KCTA-40x / KCTA-41x

  public void noCallbackCredentials(String usernameKey, String passwordKey) {
    status.warnf("KCTA-400 no %s / %s configured: the status callback endpoint refuses every request", usernameKey,
        passwordKey);
  }

  public void callbackUnauthorized() {
    status.debug("KCTA-401 status callback refused: missing or wrong credentials");
  }

  public void callbackMalformed(String reason) {
    status.debugf("KCTA-402 status callback refused: %s", escape(reason));
  }

  public void callbackNotStored(Exception e) {
    status.warnf("KCTA-403 status callback not stored, answered 503 so Kaleyra tries again: %s", escape(e));
  }

  public void statusStored(String wireName, Object messageIds) {
    if (status.isDebugEnabled()) {
      status.debugf("KCTA-404 status %s stored for message %s", wireName, escape(messageIds));
    }
  }

  public void messageIdTooLong(int length, int max) {
    status.warnf("KCTA-405 a message id of %d characters was not stored (at most %d)", length, max);
  }

  public void waitEnded(String activityId, String processInstanceId, String wireName, String messageId) {
    status.infof("KCTA-410 wait %s of process instance %s ended by status %s of message %s", escape(activityId),
        escape(processInstanceId), wireName, escape(messageId));
  }

  public void waitChangedMeanwhile(String executionId, int attempt) {
    status.debugf("KCTA-411 wait %s changed meanwhile (attempt %d), checking again", escape(executionId), attempt);
  }

  public void waitNotEnded(String executionId, String messageId, Exception e) {
    status.warnf("KCTA-412 wait %s for message %s not ended: %s", escape(executionId), escape(messageId), escape(e));
  }

  public void waitNotEndedAfterCommit(String messageId, Exception e) {
    status.warnf("KCTA-415 a status of message %s was already stored, but the wait could not be ended now (%s); the "
        + "sweep tries again", escape(messageId), escape(e));
  }

  public void waitsNotEndedAfterStore(Object messageIds, Exception e) {
    status.warnf("KCTA-416 statuses of %s stored, waits not ended now (%s); the sweep tries again",
        escape(messageIds), escape(e));
  }

  public void sweepFailed(Exception e) {
    status.warnf("KCTA-417 status inbox round failed, the next round tries again: %s", escape(e));
  }

  public void unknownStatusesDropped(int count, String messageId, long minutes) {
    status.debugf("KCTA-418 dropped %d status(es) of message %s: neither a wait nor the send ledger knew it within "
        + "%d minutes", (Object) count, escape(messageId), minutes);
  }

  /** One line a round, not one a message: Meta's wamid ids of our own messages are dropped this way too. */
  public void unknownStatusesDroppedInRound(int statuses, int messages, long minutes) {
    status.infof("KCTA-419 dropped %d status(es) of %d message id(s) that neither a wait nor the send ledger knew "
        + "within %d minutes (each at DEBUG as KCTA-418)", (Object) statuses, messages, minutes);
  }

  /**
   * The value as one line of plain text: CR, LF and tab as {@code \r}, {@code \n}, {@code \t}; every other control
   * character (C0, DEL, C1), the Unicode line and paragraph separators and the bidirectional overrides as
   * {@code \}{@code uXXXX}. Everything else, a backslash included, is kept, so ordinary text reads as it was.
   */
  public static String escape(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    int first = 0;
    while (first < text.length() && !needsEscape(text.charAt(first))) {
      first++;
    }
    if (first == text.length()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
    for (int i = first; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (needsEscape(c)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  private static boolean needsEscape(char c) {
    return Character.getType(c) == Character.CONTROL
        || c == '\u2028' || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }

  private static String mask(String phone) {
    return escape(CtaMessageInput.maskPhone(phone));
  }
}
