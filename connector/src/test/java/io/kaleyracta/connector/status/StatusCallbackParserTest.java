package io.kaleyracta.connector.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusCallbackParserTest {

  private static final Instant NOW = Instant.parse("2026-12-02T08:00:00Z");
  private final StatusCallbackParser parser = new StatusCallbackParser(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void readsKaleyrasV2CallbackWithEveryIdItCarriesAndIgnoresUnknownFields() {
    List<StatusEvent> events = parser.parse(resource("kaleyra-v2-sent.json"));

    assertThat(events).containsExactly(new StatusEvent(
        List.of("A1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "wamid.HBgMOTE5NDA3MDAwMDAxFQIAERgSQjM0"),
        DeliveryStatus.SENT, Instant.ofEpochSecond(1722834665L), null, null, "booking-42", "campaign-7",
        "branch-3"));
  }

  @Test
  void readsMetasErrorCodeAndTitleOfAFailedV2Callback() {
    StatusEvent event = parser.parse(resource("kaleyra-v2-failed.json")).get(0);

    assertThat(event.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(event.errorCode()).isEqualTo("131047");
    assertThat(event.errorTitle()).isEqualTo("Re-engagement message");
    assertThat(event.messageIds()).containsExactly("A-failed-0001", "wamid.FAILED0001");
    assertThat(event.ref()).isEqualTo("booking-43");
    assertThat(event.ref1()).isNull();
  }

  @Test
  void readsANotSentCallbackWithoutMetaObjectStampedWithTheReceiveTime() {
    assertThat(parser.parse(resource("kaleyra-v2-not-sent.json"))).containsExactly(new StatusEvent(
        List.of("A-notsent-0001"), DeliveryStatus.NOT_SENT, NOW, null, null, "booking-44", null, null));
  }

  @Test
  void readsMetasPlainWebhookOneEventPerStatusSkippingStatusesItDoesNotKnow() {
    List<StatusEvent> events = parser.parse(resource("meta-webhook.json"));

    assertThat(events).extracting(StatusEvent::messageIds, StatusEvent::status, StatusEvent::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(List.of("wamid.META0001"), DeliveryStatus.DELIVERED, null),
            org.assertj.core.groups.Tuple.tuple(List.of("wamid.META0001"), DeliveryStatus.READ, null),
            org.assertj.core.groups.Tuple.tuple(List.of("wamid.META0002"), DeliveryStatus.FAILED, "131026"));
    assertThat(events.get(2).errorTitle()).isEqualTo("Message undeliverable");
    assertThat(events.get(1).time()).isEqualTo(Instant.ofEpochSecond(1722834900L));
  }

  @ParameterizedTest
  @CsvSource({"sent,SENT", "delivered,DELIVERED", "read,READ", "failed,FAILED", "NOT-SENT,NOT_SENT",
      "not_sent,NOT_SENT", "READ,READ"})
  void readsEveryStatusInKaleyrasAndMetasSpelling(String wire, DeliveryStatus expected) {
    String body = "{\"status\":\"" + wire + "\",\"message_id\":\"A1\"}";

    assertThat(parser.parse(bytes(body))).extracting(StatusEvent::status).containsExactly(expected);
  }

  @Test
  void matchesOnExtraInfoMessageIdAlone() {
    String body = "{\"status\":\"delivered\",\"extra_info\":{\"message_id\":\"A-only-extra\"}}";

    assertThat(parser.parse(bytes(body)).get(0).messageIds()).containsExactly("A-only-extra");
  }

  @Test
  void carriesNoErrorForAStatusThatIsNotAFailure() {
    String body = "{\"status\":\"read\",\"message_id\":\"A1\",\"errors\":[{\"code\":1,\"title\":\"x\"}]}";

    assertThat(parser.parse(bytes(body)).get(0).errorCode()).isNull();
  }

  @Test
  void aWebhookAboutSomethingElseCarriesNoStatus() {
    String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{\"value\":"
        + "{\"messages\":[{\"from\":\"919407000001\",\"text\":{\"body\":\"reschedule\"}}]},\"field\":\"messages\"}]}]}";

    assertThat(parser.parse(bytes(body))).isEmpty();
  }

  @Test
  void aCallbackCannotForgeATap() {
    String body = "{\"status\":\"tapped\",\"message_id\":\"A1\"}";

    assertThat(parser.parse(bytes(body))).as("only the tap redirect records TAPPED").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not json", "{\"status\":", "[1,2]", "\"text\"", "{\"a\":1}{", "{\"status\":\"read\",\"message_id\":\"A1\"} x"})
  void refusesABodyThatIsNotAJsonObject(String body) {
    assertThatThrownBy(() -> parser.parse(bytes(body))).isInstanceOf(MalformedCallbackException.class)
        .hasMessageContaining("JSON");  // names the rule broken
  }

  @Test
  void refusesAStatusWithoutAnyMessageId() {
    assertThatThrownBy(() -> parser.parse(bytes("{\"status\":\"read\",\"extra_info\":{\"ref\":\"x\"}}")))
        .isInstanceOf(MalformedCallbackException.class).hasMessageContaining("message id");
  }

  @Test
  void ignoresAnotherKindOfEventSentToTheSameCallbackProfile() {
    assertThat(parser.parse(bytes("{\"message_id\":\"A1\",\"type\":\"incoming\"}"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999", "-99999999999999999", "0", "32503680000", "1722834665000"})
  void anImplausibleTimestampGivesWayToTheTimeOfReceiptAndMillisecondsAreRecognised(String timestamp) {
    List<StatusEvent> events = parser.parse(bytes("{\"status\":\"read\",\"message_id\":\"A1\",\"meta_object\":"
        + "{\"value\":{\"statuses\":[{\"id\":\"wamid.A1\",\"status\":\"read\",\"timestamp\":\"" + timestamp + "\"}]}}}"));

    assertThat(events).singleElement().extracting(StatusEvent::time).isEqualTo(
        timestamp.equals("1722834665000") ? Instant.ofEpochSecond(1722834665) : NOW);
  }

  @Test
  void theWrappersIdIsGivenOnlyToALoneStatus() {
    List<StatusEvent> events = parser.parse(bytes("{\"status\":\"read\",\"message_id\":\"A1\",\"meta_object\":"
        + "{\"value\":{\"statuses\":[{\"id\":\"wamid.A1\",\"status\":\"read\"},"
        + "{\"id\":\"wamid.B2\",\"status\":\"delivered\"}]}}}"));

    assertThat(events).extracting(StatusEvent::messageIds)
        .containsExactly(List.of("wamid.A1"), List.of("wamid.B2"));
  }

  static byte[] resource(String name) {
    try (InputStream in = StatusCallbackParserTest.class.getResourceAsStream("/callbacks/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
