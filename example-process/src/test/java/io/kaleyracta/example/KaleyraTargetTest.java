package io.kaleyracta.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which Kaleyra the one command talks to. (The sandbox branch is what every engine test runs on.) */
class KaleyraTargetTest {

  @Test
  void credentialsAndARecipientSelectTheRealKaleyraAndSetNothing() {
    Map<String, String> env = Map.of("KALEYRA_SID", "HXAP1600000097IN", "KALEYRA_API_KEY", "k-123",
        "KALEYRA_BUSINESS_NUMBER", "+918049000000", "KALEYRA_DEMO_RECIPIENT", " +919876543210 ");

    try (KaleyraTarget target = KaleyraTarget.choose(env, false)) {
      assertThat(target.isSandbox()).isFalse();
      assertThat(target.realRecipient()).isEqualTo("+919876543210");
      assertThat(target.describe()).contains("KALEYRA_SID").doesNotContain("k-123");
    }
  }

  @Test
  void halfSetCredentialsNameWhatIsMissingNeverAValue() {
    Map<String, String> env = Map.of("KALEYRA_API_KEY", "k-secret-value");

    assertThatThrownBy(() -> KaleyraTarget.choose(env, false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("missing: KALEYRA_SID, KALEYRA_BUSINESS_NUMBER, KALEYRA_DEMO_RECIPIENT")
        .hasMessageContaining("Nothing was sent")
        .message().doesNotContain("k-secret-value");
  }

  @Test
  void optionsPassSpringPropertiesThroughAndRejectUnknownWords() {
    ReminderExampleApplication.Options options =
        ReminderExampleApplication.Options.parse(new String[] {"--keep-running", "--server.port=9090"});

    assertThat(options.keepRunning).isTrue();
    assertThat(options.springArgs).containsExactly("--server.port=9090");
    assertThatThrownBy(() -> ReminderExampleApplication.Options.parse(new String[] {"--keep-runing"}))
        .hasMessageContaining("unknown argument: --keep-runing");
  }
}
