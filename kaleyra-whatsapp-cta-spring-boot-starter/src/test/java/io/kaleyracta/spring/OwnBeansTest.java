package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.send.InMemorySendLedger;
import io.kaleyracta.connector.send.SendLedger;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application's own beans replace the starter's: a shared ledger, its own delegate. */
class OwnBeansTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class));

  @Test
  void ownLedgerRecordsWhatTheStartersSenderSent() {
    InMemorySendLedger ownLedger = new InMemorySendLedger(10, Duration.ofHours(1), Clock.systemUTC());
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      runner.withBean(SendLedger.class, () -> ownLedger)
          .withPropertyValues("kaleyra.sid=" + KaleyraSandbox.SID, "kaleyra.api-key=" + KaleyraSandbox.API_KEY,
              "kaleyra.base-url=" + sandbox.baseUrl(), "kaleyra.business-number=" + KaleyraSandbox.BUSINESS_NUMBER)
          .run(context -> {
            SendOutcome outcome = context.getBean(CtaSender.class).send(Map.<String, Object>of(
                "recipient", "+919812345670", "bodyText", "Hello", "buttonText", "Open",
                "buttonUrl", "https://example.com")::get, "job-1@0/sendCta#1");

            assertThat(context).getBeans(SendLedger.class).hasSize(1);
            assertThat(outcome.accepted()).isTrue();
            assertThat(ownLedger.find("job-1@0/sendCta#1")).contains(outcome);
          });
    }
  }

  @Test
  void ownDelegateBeanReplacesTheStartersOne() {
    SendWhatsAppCtaDelegate own = new SendWhatsAppCtaDelegate(() -> {
      throw new IllegalStateException("not used here");
    });
    runner.withBean(KaleyraConnectorPlugin.BEAN_NAME, SendWhatsAppCtaDelegate.class, () -> own)
        .withPropertyValues("kaleyra.sid=S", "kaleyra.api-key=K")
        .run(context -> assertThat(context.getBean(KaleyraConnectorPlugin.BEAN_NAME)).isSameAs(own));
  }
}
