package io.kaleyracta.example.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PlanRetryTest {

  @Test
  void readsKaleyrasAdviceAsThreeDurations() {
    assertThat(PlanRetry.parse("PT5M, PT10M ,PT15M")).containsExactly("PT5M", "PT10M", "PT15M");
  }

  @Test
  void rejectsAnEntryThatIsNoDuration() {
    assertThatThrownBy(() -> PlanRetry.parse("PT5M,10 minutes"))
        .hasMessageContaining("'10 minutes' is not an ISO-8601 duration");
  }

  @Test
  void rejectsAnEmptySchedule() {
    assertThatThrownBy(() -> PlanRetry.parse(" ")).hasMessageContaining("retry schedule is empty");
  }
}
