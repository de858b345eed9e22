package io.kaleyracta.connector.status;

import static io.kaleyracta.connector.status.DeliveryStatus.DELIVERED;
import static io.kaleyracta.connector.status.DeliveryStatus.FAILED;
import static io.kaleyracta.connector.status.DeliveryStatus.NOT_SENT;
import static io.kaleyracta.connector.status.DeliveryStatus.READ;
import static io.kaleyracta.connector.status.DeliveryStatus.SENT;
import static io.kaleyracta.connector.status.DeliveryStatus.TAPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.status.engine.StatusWait;
import java.time.Instant;
import java.util.List;
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

  @Test
  void aTapEndsAWaitForReadOrAnyEarlierStepButReadDoesNotEndAWaitForATap() {
    assertThat(TAPPED.satisfies(Set.of(READ))).isTrue();
    assertThat(TAPPED.satisfies(Set.of(DELIVERED))).isTrue();
    assertThat(TAPPED.satisfies(Set.of(TAPPED))).isTrue();
    assertThat(READ.satisfies(Set.of(TAPPED))).isFalse();
    assertThat(DELIVERED.satisfies(Set.of(TAPPED))).isFalse();
  }

  @Test
  void aTapIsNotFinalButFailuresStillEndAWaitForATap() {
    assertThat(TAPPED.isFinal()).isFalse();
    assertThat(TAPPED.satisfies(Set.of(FAILED))).as("a wait for a failure is not ended by a tap").isFalse();
    assertThat(FAILED.satisfies(Set.of(TAPPED))).isTrue();
    assertThat(NOT_SENT.satisfies(Set.of(TAPPED))).isTrue();
  }

  @Test
  void ofATapAndAFailureBothStoredTheTapEndsTheWait() {
    Instant at = Instant.parse("2026-12-02T08:00:00Z");
    List<StatusEvent> stored = List.of(event(READ, at), event(FAILED, at.plusSeconds(5)),
        event(TAPPED, at.plusSeconds(2)));

    assertThat(StatusWait.ending(stored, Set.of(READ)).orElseThrow().status()).isEqualTo(TAPPED);
    assertThat(StatusWait.ending(stored, Set.of(TAPPED)).orElseThrow().status()).isEqualTo(TAPPED);
    assertThat(StatusWait.ending(List.of(event(READ, at), event(FAILED, at)), Set.of(TAPPED)).orElseThrow()
        .status()).isEqualTo(FAILED);
    assertThat(StatusWait.ending(List.of(event(READ, at)), Set.of(TAPPED))).isEmpty();
  }

  @Test
  void aWaitNamesTappedInAnySpelling() {
    assertThat(StatusWait.wanted("read, tapped")).containsExactlyInAnyOrder(READ, TAPPED);
    assertThat(DeliveryStatus.parse("Tapped")).contains(TAPPED);
    assertThat(TAPPED.wireName()).isEqualTo("TAPPED");
  }

  private static StatusEvent event(DeliveryStatus status, Instant at) {
    return new StatusEvent(List.of("m-1"), status, at, null, null, null, null, null);
  }
}
