package io.kaleyracta.connector.observe;

import io.kaleyracta.connector.outcome.SendOutcome;
import java.util.Locale;

/** The kind of a {@link SendOutcome}, as metrics and health name it. */
public enum OutcomeKind {
  /** Kaleyra took the message. */
  ACCEPTED,
  /** Kaleyra said no with its own code. */
  REJECTED,
  /** The task's input broke a rule; nothing was sent. */
  INVALID_INPUT,
  /** Kaleyra could not be reached; nothing was sent. */
  UNAVAILABLE,
  /** The request went out but no answer could be read: the message may have been sent. */
  UNKNOWN;

  public static OutcomeKind of(SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Accepted) {
      return ACCEPTED;
    }
    if (outcome instanceof SendOutcome.InvalidInput) {
      return INVALID_INPUT;
    }
    if (outcome instanceof SendOutcome.Unavailable) {
      return UNAVAILABLE;
    }
    if (outcome instanceof SendOutcome.Unconfirmed) {
      return UNKNOWN;
    }
    return REJECTED;
  }

  /** The tag value: {@code accepted}, {@code rejected}, {@code invalid_input}, {@code unavailable}, {@code unknown}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
