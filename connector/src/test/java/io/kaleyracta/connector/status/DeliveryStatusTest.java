package io.kaleyracta.connector.status;

import static io.kaleyracta.connector.status.DeliveryStatus.DELIVERED;
import static io.kaleyracta.connector.status.DeliveryStatus.FAILED;
import static io.kaleyracta.connector.status.DeliveryStatus.NOT_SENT;
import static io.kaleyracta.connector.status.DeliveryStatus.READ;
import static io.kaleyracta.connector.status.DeliveryStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryStatusTest {

  @Test
  void aLaterStepOfTheProgressChainSatisfiesAWaitForAnEarlierOne() {
    assertThat(READ.satisfies(Set.of(DELIVERED))).isTrue();
    assertThat(DELIVERED.satisfies(Set.of(SENT))).isTrue();
    assertThat(READ.satisfies(Set.of(READ))).isTrue();
  }

  @Test
  void anEarlierStepDoesNotSatisfyAWaitForALaterOne() {
    assertThat(DELIVERED.satisfies(Set.of(READ))).isFalse();
    assertThat(SENT.satisfies(Set.of(DELIVERED, READ))).isFalse();
  }

  @Test
  void finalStatusesEndEveryWait() {
    assertThat(FAILED.satisfies(Set.of(READ))).isTrue();
    assertThat(NOT_SENT.satisfies(Set.of(DELIVERED))).isTrue();
    assertThat(FAILED.isFinal()).isTrue();
    assertThat(READ.isFinal()).isFalse();
  }

  @Test
  void aWaitForAFailureIsNotSatisfiedByProgress() {
    assertThat(READ.satisfies(Set.of(FAILED))).isFalse();
  }

  @Test
  void ranksFollowBusinessOrder() {
    assertThat(SENT.rank()).isLessThan(DELIVERED.rank());
    assertThat(DELIVERED.rank()).isLessThan(READ.rank());
    assertThat(READ.rank()).isLessThan(FAILED.rank());
    assertThat(NOT_SENT.wireName()).isEqualTo("NOT-SENT");
    assertThat(DeliveryStatus.parse("deleted")).isEmpty();
  }
}
