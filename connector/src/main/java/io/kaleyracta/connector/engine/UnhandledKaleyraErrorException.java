package io.kaleyracta.connector.engine;

import static io.kaleyracta.connector.log.ConnectorLog.escape;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Thrown instead of a {@code BpmnError} nothing in the model catches: a synchronous caller gets it, an asynchronous
 * job fails with it and leaves an incident in Cockpit. The message carries the code and Kaleyra's message.
 */
public class UnhandledKaleyraErrorException extends ProcessEngineException {

  private final String errorCode;

  public UnhandledKaleyraErrorException(String activityId, String errorCode, String errorMessage) {
    // the engine logs this message: escaped, Kaleyra's text cannot start a log line of its own
    super("WhatsApp CTA task '" + activityId + "' failed with " + escape(errorCode) + " (" + escape(errorMessage)
        + "), and no error boundary event or error event sub-process catches " + escape(errorCode)
        + ": add one so the journey "
        + "routes this failure");
    this.errorCode = errorCode;
  }

  public String getErrorCode() {
    return errorCode;
  }
}
