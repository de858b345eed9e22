package io.kaleyracta.connector.outcome;

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

  /** Accepted, or unknown: a second POST could reach the customer twice. */
  default boolean mayHaveBeenSent() {
    return false;
  }

  /** Kaleyra took the message (HTTP 2xx); {@code messageId} is null when its answer could not be read. */
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

  /** No connection could be made (refused, unknown host, connect timeout): the request never left. */
  record Unavailable(String message) implements SendOutcome {
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

  /** The request was sent but the answer was not Kaleyra's (HTML error page, timeout, broken JSON). */
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
