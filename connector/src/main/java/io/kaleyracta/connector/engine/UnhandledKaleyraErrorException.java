package io.kaleyracta.connector.engine;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Thrown instead of a {@code BpmnError} nothing in the model catches: a synchronous caller gets it, an asynchronous
 * job fails with it and leaves an incident in Cockpit. The message carries the code and Kaleyra's message.
 */
public class UnhandledKaleyraErrorException extends ProcessEngineException {

  private final String errorCode;

  public UnhandledKaleyraErrorException(String activityId, String errorCode, String errorMessage) {
    super("WhatsApp CTA task '" + activityId + "' failed with " + errorCode + " (" + errorMessage + "), and no "
        + "error boundary event or error event sub-process catches " + errorCode + ": add one so the journey "
        + "routes this failure");
    this.errorCode = errorCode;
  }

  public String getErrorCode() {
    return errorCode;
  }
}
