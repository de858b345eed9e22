package io.kaleyracta.connector.config;

/**
 * Missing or invalid connector configuration. It names the key, never the value: the value may be a secret.
 * Not a BPMN error: an analyst cannot route around a misconfigured engine, an operator must fix it.
 */
public class KaleyraConfigException extends RuntimeException {

  public KaleyraConfigException(String message) {
    super(message);
  }
}
