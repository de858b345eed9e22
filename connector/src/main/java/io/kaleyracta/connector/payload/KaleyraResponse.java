package io.kaleyracta.connector.payload;

import java.util.Map;

/**
 * Kaleyra's answer, success or failure: {@code {"code", "message", "data", "error"}}. {@code data} is an object
 * on success ({@code message_id}) but {@code []} in RBC001, so it stays loosely typed.
 */
public record KaleyraResponse(String code, String message, Object data, Object error) {

  /** {@code data.message_id}, or {@code null} when absent. */
  public String messageId() {
    if (data instanceof Map<?, ?> map && map.get("message_id") instanceof String id && !id.isBlank()) {
      return id;
    }
    return null;
  }
}
