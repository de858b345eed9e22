package io.kaleyracta.connector.input;

/** One broken rule: the input's name and the rule in words an analyst understands. Never the value itself. */
public record Violation(String inputName, String rule) {

  @Override
  public String toString() {
    return inputName + ": " + rule;
  }
}
