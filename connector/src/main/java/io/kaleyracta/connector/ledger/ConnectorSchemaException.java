package io.kaleyracta.connector.ledger;

/** A connector table is missing and may not be created, or could not be created; the message says what to run. */
public class ConnectorSchemaException extends RuntimeException {

  public ConnectorSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
