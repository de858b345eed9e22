package io.kaleyracta.example.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;

/**
 * Starts one {@code appointmentReminder} instance per customer, waits (bounded) until every instance has settled
 * (ended, waiting in a user task, waiting for WhatsApp's status with a deadline hours away, or stuck with an
 * incident) and reads where each one rests.
 */
public final class JourneyRun {

  public static final String PROCESS_KEY = "appointmentReminder";
  static final String TIMER_ID = "waitBeforeRetry";
  static final String STATUS_WAIT_ID = "waitForRead";
  static final String LOGGED_ID = "logMessageId";
  /**
   * A wait for WhatsApp's status whose deadline is further away than this counts as settled: nothing in a run moves
   * it but a status that is not coming (the real deadline is hours; the demo's, seconds).
   */
  static final Duration LONG_WAIT = Duration.ofMinutes(10);
  private static final Pattern INCIDENT_CODE = Pattern.compile("failed with ([A-Za-z0-9_-]+)");
  private static final Duration POLL = Duration.ofMillis(200);

  private final ProcessEngine engine;
  private final Map<String, Object> extraVariables;
  private final Phone phone;
  private BpmnModelInstance model;

  /**
   * @param extraVariables added to every instance's start variables, e.g. the demo's short {@code retrySchedule} and
   *                       {@code readDeadline}
   */
  public JourneyRun(ProcessEngine engine, Map<String, Object> extraVariables) {
    this(engine, extraVariables, null);
  }

  /**
   * @param phone taps the button for each customer who {@linkplain DemoCustomer#tapsButton() taps it}, once their
   *              journey waits for WhatsApp's status; {@code null}: nobody taps (a person may, in the viewer)
   */
  public JourneyRun(ProcessEngine engine, Map<String, Object> extraVariables, Phone phone) {
    this.engine = engine;
    this.extraVariables = Map.copyOf(extraVariables);
    this.phone = phone;
  }

  /** One finished customer: the instance, where it rests, and the phone's tap on its button ({@code null}: none). */
  public record Result(DemoCustomer customer, String processInstanceId, Outcome outcome, Phone.Tap tap) {
    public boolean asDesigned() {
      return outcome.matches(customer);
    }
  }

  /** Starts every customer's journey, then waits at most {@code timeout} for all of them to settle. */
  public List<Result> run(List<DemoCustomer> customers, Duration timeout) throws InterruptedException {
    List<String> started = new ArrayList<>();
    for (DemoCustomer customer : customers) {
      Map<String, Object> variables = new HashMap<>(extraVariables);
      variables.putAll(customer.variables()); // a customer's own readDeadline wins over the run's
      started.add(engine.getRuntimeService()
          .startProcessInstanceByKey(PROCESS_KEY, customer.appointmentId(), variables).getId());
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Phone.Tap[] taps = new Phone.Tap[customers.size()];
    while (true) {
      List<Result> results = new ArrayList<>();
      boolean tapToBeSeen = false;
      for (int i = 0; i < customers.size(); i++) {
        Outcome outcome = observe(started.get(i));
        if (phone != null && customers.get(i).tapsButton() && outcome.kind() == Route.Kind.AWAITING_STATUS) {
          if (taps[i] == null) {
            taps[i] = phone.tap(outcome.messageId());
          }
          // the redirect answers first and the tap reaches the journey after: wait for it to move on
          tapToBeSeen |= taps[i].redirected();
        }
        results.add(new Result(customers.get(i), started.get(i), outcome, taps[i]));
      }
      if ((!tapToBeSeen && results.stream().allMatch(r -> r.outcome().settled())) || System.nanoTime() > deadline) {
        return results;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Where the instance rests now. The place is read first and the variables after it: a job that commits between
   * the queries then makes the variables newer than the place, never older (a place seen before its job committed
   * is "running", and the next look sees the rest).
   */
  public Outcome observe(String processInstanceId) {
    HistoryService history = engine.getHistoryService();
    List<Incident> incidents = engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(processInstanceId).list();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
    String where = null;
    boolean awaitingStatus = false;
    if (incidents.isEmpty() && instance.getEndTime() == null && tasks.isEmpty()) {
      try {
        List<String> active = engine.getRuntimeService().getActiveActivityIds(processInstanceId);
        where = "still at " + String.join(", ", active);
        awaitingStatus = active.contains(STATUS_WAIT_ID) && engine.getManagementService().createJobQuery()
            .processInstanceId(processInstanceId).timers()
            .duedateHigherThan(Date.from(Instant.now().plus(LONG_WAIT))).count() > 0;
      } catch (NullValueException e) {
        where = "ended just now"; // between the queries above; the next look sees it
      }
    }

    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      variables.put(variable.getName(), variable.getValue());
    }
    String messageId = (String) variables.get("reminderMessageId");
    String errorCode = (String) variables.get("kaleyraErrorCode");
    int timedRetries = (int) history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(TIMER_ID).finished().count();
    int reminders = (int) history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
        .activityId(LOGGED_ID).finished().count();
    String status = (String) variables.get("kaleyraStatus");
    Object statusCode = variables.get("kaleyraStatusErrorCode");
    String whatsAppStatus = status == null ? null : statusCode == null ? status : status + " " + statusCode;

    if (!incidents.isEmpty()) {
      Incident incident = incidents.get(0);
      Matcher code = INCIDENT_CODE.matcher(String.valueOf(incident.getIncidentMessage()));
      return new Outcome(Route.Kind.INCIDENT, incident.getActivityId(), nameOf(incident.getActivityId()), messageId,
          code.find() ? code.group(1) : errorCode, timedRetries, whatsAppStatus, reminders,
          incident.getIncidentMessage());
    }
    if (instance.getEndTime() != null) {
      String end = history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
          .activityType("noneEndEvent").list().stream()
          .max(Comparator.comparing(HistoricActivityInstance::getEndTime))
          .map(HistoricActivityInstance::getActivityId).orElse(null);
      return new Outcome(Route.Kind.ENDED, end, nameOf(end), messageId, errorCode, timedRetries, whatsAppStatus,
          reminders, null);
    }
    if (!tasks.isEmpty()) {
      String taskKey = tasks.get(0).getTaskDefinitionKey();
      return new Outcome(Route.Kind.WAITING, taskKey, nameOf(taskKey), messageId, errorCode, timedRetries,
          whatsAppStatus, reminders, null);
    }
    if (awaitingStatus) {
      return new Outcome(Route.Kind.AWAITING_STATUS, STATUS_WAIT_ID, nameOf(STATUS_WAIT_ID), messageId, errorCode,
          timedRetries, whatsAppStatus, reminders, null);
    }
    return new Outcome(Route.Kind.RUNNING, null, null, messageId, errorCode, timedRetries, whatsAppStatus, reminders,
        where);
  }

  private String nameOf(String activityId) {
    if (activityId == null) {
      return null;
    }
    if (model == null) {
      String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
          .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();
      model = engine.getRepositoryService().getBpmnModelInstance(definitionId);
    }
    FlowElement element = model.getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }
}
