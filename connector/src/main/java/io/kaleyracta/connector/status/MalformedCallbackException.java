package io.kaleyracta.connector.status;

/** A callback body that is not JSON, or JSON without a status or message id; answered with 400. */
public final class MalformedCallbackException extends RuntimeException {

  MalformedCallbackException(String message) {
    super(message);
  }

  MalformedCallbackException(String message, Throwable cause) {
    super(message, cause);
  }
}
