package io.kaleyracta.connector.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.jboss.logging.MDC;

/**
 * Puts the execution's process instance id, business key and activity id into the logging MDC while the connector
 * sends, so every connector log line leads an operator to the instance in Cockpit. The names are Camunda's own
 * logging-context names, so one log pattern ({@code %X{processInstanceId}}) serves the engine's lines and ours.
 * jboss-logging hands the MDC to the backend in use (Logback/SLF4J in Spring Boot, the log manager in WildFly).
 * Values that were there before (Camunda sets some itself) are put back afterwards.
 */
final class LogContext implements AutoCloseable {

  static final String PROCESS_INSTANCE_ID = "processInstanceId";
  static final String BUSINESS_KEY = "businessKey";
  static final String ACTIVITY_ID = "activityId";

  private final Map<String, Object> previous = new LinkedHashMap<>();

  private LogContext() {
  }

  static LogContext of(DelegateExecution execution) {
    LogContext context = new LogContext();
    context.put(PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
    context.put(BUSINESS_KEY, execution.getProcessBusinessKey());
    context.put(ACTIVITY_ID, execution.getCurrentActivityId());
    return context;
  }

  private void put(String key, String value) {
    previous.put(key, value == null ? MDC.get(key) : MDC.put(key, value));
  }

  @Override
  public void close() {
    previous.forEach((key, value) -> {
      if (value == null) {
        MDC.remove(key);
      } else {
        MDC.put(key, value);
      }
    });
  }
}
