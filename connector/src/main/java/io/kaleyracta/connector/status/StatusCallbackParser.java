package io.kaleyracta.connector.status;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a status callback in either shape Kaleyra may send, ignoring every field it does not need:
 *
 * <ul>
 *   <li>Kaleyra's v2 callback: Meta's webhook {@code value} wrapped as {@code meta_object.value}, plus top-level
 *       {@code status}, {@code message_id} and {@code extra_info} ({@code message_id}, {@code ref}, {@code ref1},
 *       {@code ref2}). A NOT-SENT callback may carry no {@code meta_object} at all.</li>
 *   <li>Meta's plain webhook: {@code object}, {@code entry[].changes[].value.statuses[]}.</li>
 * </ul>
 *
 * <p>Every status in {@code statuses[]} becomes one {@link StatusEvent}; statuses this connector does not know
 * (Meta adds some now and then) are skipped. Pure: no I/O but the byte array, no framework.
 */
public final class StatusCallbackParser {

  private final Clock clock;

  public StatusCallbackParser() {
    this(Clock.systemUTC());
  }

  public StatusCallbackParser(Clock clock) {
    this.clock = clock;
  }

  /**
   * @return the statuses the callback reports, possibly none (a webhook about something else)
   * @throws MalformedCallbackException when the body is not a JSON object, or names a status without any message id
   */
  public List<StatusEvent> parse(byte[] body) {
    JsonObject root = readObject(body);
    Instant received = clock.instant();
    try {
      return events(root, received);
    } catch (MalformedCallbackException e) {
      throw e;
    } catch (RuntimeException e) { // whatever a value we did not foresee breaks: the sender's fault, never a 500
      throw new MalformedCallbackException("the callback could not be read: " + e.getClass().getSimpleName(), e);
    }
  }

  private List<StatusEvent> events(JsonObject root, Instant received) {
    List<StatusEvent> events = new ArrayList<>();
    if (root.containsKey("entry")) {
      for (JsonObject entry : objects(root, "entry")) {
        for (JsonObject change : objects(entry, "changes")) {
          JsonObject value = object(change, "value");
          for (JsonObject status : objects(value, "statuses")) {
            add(events, status, List.of(), null, JsonValue.EMPTY_JSON_OBJECT, received);
          }
        }
      }
      return events;
    }
    JsonObject extraInfo = object(root, "extra_info");
    Set<String> wrapperIds = new LinkedHashSet<>();
    text(root, "message_id").ifPresent(wrapperIds::add);
    text(extraInfo, "message_id").ifPresent(wrapperIds::add);
    List<JsonObject> statuses = objects(object(object(root, "meta_object"), "value"), "statuses");
    if (statuses.isEmpty()) {
      if (text(root, "status").isEmpty()) {
        return events; // another kind of event sent to the same callback profile: none of our business
      }
      add(events, root, List.copyOf(wrapperIds), null, extraInfo, received);
    } else {
      String wrapperStatus = text(root, "status").orElse(null);
      // the wrapper's ids and status describe one message: given to a lone status only, never spread over several
      List<String> ids = statuses.size() == 1 ? List.copyOf(wrapperIds) : List.of();
      for (JsonObject status : statuses) {
        add(events, status, ids, statuses.size() == 1 ? wrapperStatus : null, extraInfo, received);
      }
    }
    return events;
  }

  private void add(List<StatusEvent> events, JsonObject status, List<String> wrapperIds, String fallbackStatus,
      JsonObject extraInfo, Instant received) {
    String statusText = text(status, "status").orElse(fallbackStatus);
    // TAPPED is ours (the tap redirect records it), never Kaleyra's: a callback naming it is ignored like any other
    // status we do not know
    Optional<DeliveryStatus> known = DeliveryStatus.parse(statusText).filter(s -> s != DeliveryStatus.TAPPED);
    Set<String> ids = new LinkedHashSet<>(wrapperIds);
    text(status, "id").ifPresent(ids::add);
    text(status, "message_id").ifPresent(ids::add);
    if (statusText == null) {
      throw new MalformedCallbackException("the callback names no status (status or statuses[].status)");
    }
    if (ids.isEmpty()) {
      throw new MalformedCallbackException("the callback names no message id (message_id, extra_info.message_id "
          + "or statuses[].id)");
    }
    if (known.isEmpty()) {
      return;
    }
    JsonObject error = objects(status, "errors").stream().findFirst().orElse(JsonValue.EMPTY_JSON_OBJECT);
    String errorCode = known.get() == DeliveryStatus.FAILED || known.get() == DeliveryStatus.NOT_SENT
        ? scalar(error, "code").orElse(null) : null;
    String errorTitle = errorCode == null ? null
        : text(error, "title").or(() -> text(error, "message")).orElse(null);
    events.add(new StatusEvent(List.copyOf(ids), known.get(), timestamp(status, received).orElse(received), errorCode,
        errorTitle, text(extraInfo, "ref").orElse(null), text(extraInfo, "ref1").orElse(null),
        text(extraInfo, "ref2").orElse(null)));
  }

  /** The body as one JSON object; trailing content after it is malformed too. */
  private static JsonObject readObject(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
        throw new MalformedCallbackException("the callback body must be a JSON object");
      }
      JsonObject object = parser.getObject();
      if (parser.hasNext()) {
        throw new MalformedCallbackException("the callback body is not valid JSON: content after the object");
      }
      return object;
    } catch (JsonParsingException e) {
      throw new MalformedCallbackException("the callback body is not valid JSON", e);
    } catch (JsonException | IllegalStateException e) {
      throw new MalformedCallbackException("the callback body is not valid JSON (UTF-8)", e);
    }
  }

  /** WhatsApp's first year: no status of a message sent through this connector can be older. */
  private static final Instant EARLIEST = Instant.parse("2009-01-01T00:00:00Z");

  /**
   * Meta's {@code timestamp}: seconds since the epoch, as a string or a number (milliseconds are recognised too). A
   * time before 2009 or more than a day ahead is no real status time (and a database may not store it): empty, so
   * the time of receipt stands in.
   */
  private static Optional<Instant> timestamp(JsonObject status, Instant received) {
    return scalar(status, "timestamp").flatMap(text -> {
      long value;
      try {
        value = Long.parseLong(text.trim());
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
      Instant latest = received.plus(Duration.ofDays(1));
      for (Instant candidate : new Instant[] {seconds(value), Instant.ofEpochMilli(value)}) {
        if (candidate != null && !candidate.isBefore(EARLIEST) && !candidate.isAfter(latest)) {
          return Optional.of(candidate);
        }
      }
      return Optional.empty();
    });
  }

  private static Instant seconds(long value) {
    return value > Instant.MAX.getEpochSecond() || value < Instant.MIN.getEpochSecond() ? null
        : Instant.ofEpochSecond(value);
  }

  private static JsonObject object(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    return value != null && value.getValueType() == JsonValue.ValueType.OBJECT
        ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
  }

  private static List<JsonObject> objects(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
      return List.of();
    }
    List<JsonObject> objects = new ArrayList<>();
    for (JsonValue item : (JsonArray) value) {
      if (item.getValueType() == JsonValue.ValueType.OBJECT) {
        objects.add(item.asJsonObject());
      }
    }
    return objects;
  }

  /** A non-blank string member, trimmed. */
  private static Optional<String> text(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    if (value instanceof JsonString string && !string.getString().isBlank()) {
      return Optional.of(string.getString().trim());
    }
    return Optional.empty();
  }

  /** A non-blank string or a number, as text (Meta sends error codes as numbers, timestamps as strings). */
  private static Optional<String> scalar(JsonObject parent, String name) {
    JsonValue value = parent.get(name);
    if (value != null && value.getValueType() == JsonValue.ValueType.NUMBER) {
      return Optional.of(value.toString());
    }
    return text(parent, name);
  }
}
