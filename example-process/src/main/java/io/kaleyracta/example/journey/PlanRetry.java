package io.kaleyracta.example.journey;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Count the failed try, plan the next": after Kaleyra was down (WA500 after the connector's own quick retries) or
 * unreachable, counts the failure in {@value #FAILED_TRIES} and sets {@value #RETRY_DELAY}, the duration of the
 * "Wait as Kaleyra advises" timer, to the schedule's entry for this retry.
 *
 * <p>The schedule is the task's input parameter {@code schedule}, comma-separated ISO-8601 durations. The diagram
 * passes Kaleyra's advice, {@code PT5M,PT10M,PT15M}, unless the instance carries a {@code retrySchedule} variable
 * (the demo passes {@code PT1S,PT1S,PT1S}). After as many retries as the schedule has entries, the gateway
 * "Retried three times?" takes the fallback; {@value #RETRY_DELAY} then stays at the last entry.
 */
public class PlanRetry implements JavaDelegate {

  public static final String FAILED_TRIES = "failedTries";
  public static final String RETRY_DELAY = "retryDelay";

  private static final Logger LOG = LoggerFactory.getLogger(PlanRetry.class);

  @Override
  public void execute(DelegateExecution execution) {
    List<String> schedule = parse((String) execution.getVariableLocal("schedule"));
    Integer before = (Integer) execution.getVariable(FAILED_TRIES);
    int failedTries = before == null ? 1 : before + 1;
    String delay = schedule.get(Math.min(failedTries, schedule.size()) - 1);
    execution.setVariable(FAILED_TRIES, failedTries);
    execution.setVariable(RETRY_DELAY, delay);
    if (failedTries <= schedule.size()) {
      LOG.info("Kaleyra failed ({}) for appointment {}: try {} failed, next try in {}",
          execution.getVariable("kaleyraErrorCode"), execution.getVariable("appointmentId"), failedTries, delay);
    } else {
      LOG.warn("Kaleyra failed ({}) for appointment {}: try {} failed, no retries left",
          execution.getVariable("kaleyraErrorCode"), execution.getVariable("appointmentId"), failedTries);
    }
  }

  /** The schedule's durations; a malformed one fails the task (an incident), not a silent default. */
  static List<String> parse(String schedule) {
    if (schedule == null || schedule.isBlank()) {
      throw new IllegalArgumentException("retry schedule is empty; expected e.g. PT5M,PT10M,PT15M");
    }
    List<String> delays = Arrays.stream(schedule.split(",")).map(String::trim).toList();
    for (String delay : delays) {
      try {
        Duration.parse(delay);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("retry schedule entry '" + delay + "' is not an ISO-8601 duration such"
            + " as PT5M", e);
      }
    }
    return delays;
  }
}
