package io.kaleyracta.example;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The journey's user tasks are for the candidate group {@value #GROUP}; the demo user (created by the starter from
 * {@code camunda.bpm.admin-user}) joins it, so Tasklist offers them to demo / demo.
 */
@Component
public class OperatorsGroup {

  static final String GROUP = "operators";
  private static final String DEMO_USER = "demo";

  private final IdentityService identityService;

  public OperatorsGroup(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** After the engine and its admin user are up, before the demo customers start. */
  @EventListener(ApplicationReadyEvent.class)
  public void joinDemoUser() {
    if (identityService.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identityService.newGroup(GROUP);
      group.setName("Operators");
      group.setType("WORKFLOW");
      identityService.saveGroup(group);
    }
    if (identityService.createUserQuery().userId(DEMO_USER).memberOfGroup(GROUP).count() == 0
        && identityService.createUserQuery().userId(DEMO_USER).count() == 1) {
      identityService.createMembership(DEMO_USER, GROUP);
    }
  }
}
