package io.kaleyracta.connector.ledger;

/**
 * Where a message is sent from, as the engine names it. Any part may be {@code null} (a send outside a job has no
 * job id; an instance may have no business key).
 */
public record Origin(String processInstanceId, String activityId, String businessKey, String tenantId,
    String jobId) {

  public static final Origin UNKNOWN = new Origin(null, null, null, null, null);
}
