package io.kaleyracta.connector.outcome;

import java.time.Duration;

/**
 * What happened to one send, in the terms the process needs: accepted with Kaleyra's message id, or failed
 * with the error code an error boundary event catches and a message for {@code kaleyraErrorMessage}.
 */
public sealed interface SendOutcome
    permits SendOutcome.Accepted, SendOutcome.Rejected, SendOutcome.InvalidInput, SendOutcome.Unavailable,
    SendOutcome.Unconfirmed {

  /** Our code: the task's input broke a rule; nothing was sent. */
  String INVALID_INPUT = "KALEYRA_INVALID_INPUT";
  /** Our code: Kaleyra could not be reached (after retries); the message was not sent, resending is safe. */
  String UNAVAILABLE = "KALEYRA_UNAVAILABLE";
  /** Our code: the request went out but no Kaleyra answer could be read; the message may have been sent. */
  String OUTCOME_UNKNOWN = "KALEYRA_OUTCOME_UNKNOWN";
  /** Kaleyra's "please try again later", the one Kaleyra code that is retried. */
  String KALEYRA_SERVER_ERROR = "WA500";

  /** Kaleyra's {@code message_id}, or {@code null} when not accepted (or accepted with an unreadable body). */
  default String messageId() {
    return null;
  }

  default boolean accepted() {
    return false;
  }

  /** The BPMN error code, {@code null} when accepted. */
  String errorCode();

  /** The text for {@code kaleyraErrorMessage}, {@code null} when accepted. */
  String errorMessage();

  /** Failures that prove the message was not taken, so trying again cannot send it twice. */
  default boolean retryable() {
    return false;
  }

  /** How long Kaleyra asked us to wait before trying again (a 429's {@code Retry-After}), or {@code null}. */
  default Duration retryAfter() {
    return null;
  }

  /** Accepted, or unknown: a second POST could reach the customer twice. */
  default boolean mayHaveBeenSent() {
    return false;
  }

  /**
   * Kaleyra took the message: a 2xx carrying a message id, or Kaleyra's {@code WA202} code in an answer too broken to
   * read the id from ({@code messageId} is then null).
   */
  record Accepted(String messageId) implements SendOutcome {
    @Override
    public boolean accepted() {
      return true;
    }

    @Override
    public boolean mayHaveBeenSent() {
      return true;
    }

    @Override
    public String errorCode() {
      return null;
    }

    @Override
    public String errorMessage() {
      return null;
    }
  }

  /** Kaleyra said no with its own JSON error: the code is passed through exactly as sent. */
  record Rejected(String code, String message, int httpStatus) implements SendOutcome {
    @Override
    public String errorCode() {
      return code;
    }

    @Override
    public String errorMessage() {
      return message;
    }

    @Override
    public boolean retryable() {
      return KALEYRA_SERVER_ERROR.equals(code);
    }
  }

  /** The input broke the rules; nothing was sent. */
  record InvalidInput(String message) implements SendOutcome {
    @Override
    public String errorCode() {
      return INVALID_INPUT;
    }

    @Override
    public String errorMessage() {
      return message;
    }
  }

  /**
   * The request never left (refused, unknown host, connect timeout, TLS handshake failure, no free pooled
   * connection), or Kaleyra refused it unread (429). {@code retryAfter} is the wait a 429 asked for, else null.
   */
  record Unavailable(String message, Duration retryAfter) implements SendOutcome {

    public Unavailable(String message) {
      this(message, null);
    }

    @Override
    public String errorCode() {
      return UNAVAILABLE;
    }

    @Override
    public String errorMessage() {
      return message;
    }

    @Override
    public boolean retryable() {
      return true;
    }
  }

  /**
   * The request was sent but no answer says what Kaleyra did: an HTML error page, a timeout, broken JSON, a 2xx
   * without a message id, a 5xx with a code that is not Kaleyra's.
   */
  record Unconfirmed(String message) implements SendOutcome {
    @Override
    public String errorCode() {
      return OUTCOME_UNKNOWN;
    }

    @Override
    public boolean mayHaveBeenSent() {
      return true;
    }

    @Override
    public String errorMessage() {
      return message;
    }
  }
}
