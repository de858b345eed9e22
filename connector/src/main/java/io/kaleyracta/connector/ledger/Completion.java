package io.kaleyracta.connector.ledger;

/**
 * How a claimed delivery ended, when its request may have reached the customer.
 *
 * @param accepted Kaleyra answered 2xx
 * @param messageId Kaleyra's message id ({@code null} when not accepted or when its answer was unreadable)
 * @param error why the outcome is unknown ({@code null} when accepted)
 */
public record Completion(boolean accepted, String messageId, String error) {

  public static Completion accepted(String messageId) {
    return new Completion(true, messageId, null);
  }

  public static Completion unknown(String error) {
    return new Completion(false, null, error);
  }
}
