package io.kaleyracta.connector.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.config.KaleyraConfig;
import io.kaleyracta.connector.testing.CapturedLogs;
import io.kaleyracta.connector.testing.CtaModel;
import io.kaleyracta.connector.testing.EngineTest;
import io.kaleyracta.connector.testing.Inputs;
import io.kaleyracta.connector.testing.TestConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configuration under which one send can outlast the job's lock is reported once, naming the figures. */
class JobLockTimeTest extends EngineTest {

  private static List<String> lockWarnings(CapturedLogs logs) {
    return logs.records().stream().map(logs::message).filter(message -> message.startsWith("KCTA-200")).toList();
  }

  @Test
  void warnsOnceWhenTheWorstCaseSendOutlastsTheJobExecutorsLock() {
    // 2 x (2 x 1 s + 200 s) + one pause of at most 10 s (the Retry-After cap) = 414 s > the default lock of 300 s
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "200000");
    TestConfig.set(KaleyraConfig.RETRY_MAX_ATTEMPTS, "2");
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));

    try (CapturedLogs logs = new CapturedLogs()) {
      start(Inputs.minimal());
      start(Inputs.minimal());

      assertThat(sandbox.accepted()).hasSize(2);
      assertThat(lockWarnings(logs)).singleElement().asString()
          .startsWith("KCTA-200 A WhatsApp CTA send may take up to 414000 ms with this configuration "
              + "(kaleyra.retry.max-attempts, kaleyra.connect-timeout-ms, kaleyra.read-timeout-ms, "
              + "kaleyra.retry.backoff-ms, kaleyra.retry.max-retry-after-ms), longer than the job executor's lock "
              + "time of engine 'default' (300000 ms)");
    }
  }

  @Test
  void staysQuietWhenTheSendFitsTheLock() {
    TestConfig.set(KaleyraConfig.READ_TIMEOUT_MS, "2999");
    deploy(CtaModel.withInputs(Inputs.minimal().keySet()));

    try (CapturedLogs logs = new CapturedLogs()) {
      start(Inputs.minimal());

      assertThat(sandbox.accepted()).hasSize(1);
      assertThat(lockWarnings(logs)).isEmpty();
    }
  }
}
