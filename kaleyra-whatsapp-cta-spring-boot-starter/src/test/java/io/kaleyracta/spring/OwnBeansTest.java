package io.kaleyracta.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaleyracta.connector.engine.KaleyraConnectorPlugin;
import io.kaleyracta.connector.engine.SendWhatsAppCtaDelegate;
import io.kaleyracta.connector.outcome.SendOutcome;
import io.kaleyracta.connector.send.CtaSender;
import io.kaleyracta.connector.ledger.DeliveryContext;
import io.kaleyracta.connector.ledger.InMemorySendLedger;
import io.kaleyracta.connector.ledger.LedgerEntry;
import io.kaleyracta.connector.ledger.Origin;
import io.kaleyracta.connector.ledger.SendLedger;
import io.kaleyracta.sandbox.KaleyraSandbox;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** An application's own beans replace the starter's; the send ledger is the one each send is given. */
class OwnBeansTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(KaleyraAutoConfiguration.class));

  @Test
  void theStartersSenderRecordsInTheLedgerOfTheSend() {
    InMemorySendLedger ledger = new InMemorySendLedger(10, Duration.ofHours(1), Clock.systemUTC());
    DeliveryContext delivery = new DeliveryContext() {
      @Override
      public SendLedger ledger() {
        return ledger;
      }

      @Override
      public String deliveryKey(String fingerprint) {
        return "job/job-1@0/sendCta/" + fingerprint + "#1";
      }

      @Override
      public Origin origin() {
        return new Origin("pi-1", "sendCta", null, null, "job-1");
      }
    };
    try (KaleyraSandbox sandbox = KaleyraSandbox.start()) {
      runner.withPropertyValues("kaleyra.sid=" + KaleyraSandbox.SID, "kaleyra.api-key=" + KaleyraSandbox.API_KEY,
              "kaleyra.base-url=" + sandbox.baseUrl(), "kaleyra.business-number=" + KaleyraSandbox.BUSINESS_NUMBER)
          .run(context -> {
            SendOutcome outcome = context.getBean(CtaSender.class).send(Map.<String, Object>of(
                "recipient", "+919812345670", "bodyText", "Hello", "buttonText", "Open",
                "buttonUrl", "https://example.com")::get, delivery);

            assertThat(context).getBeans(SendLedger.class).isEmpty();
            assertThat(outcome.accepted()).isTrue();
            assertThat(ledger.findByMessageId(outcome.messageId())).get().extracting(LedgerEntry::origin)
                .isEqualTo(delivery.origin());
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
