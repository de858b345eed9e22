package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** Kaleyra's tracking fields, returned in reports and callbacks. */
@JsonbPropertyOrder({"ref", "ref1", "ref2", "waSource"})
public record ExtraInfo(String ref, String ref1, String ref2, @JsonbProperty("wa_source") String waSource) {

  /** {@code null} when every field is absent, so no empty object is sent. */
  public static ExtraInfo of(String ref, String ref1, String ref2, String waSource) {
    if (ref == null && ref1 == null && ref2 == null && waSource == null) {
      return null;
    }
    return new ExtraInfo(ref, ref1, ref2, waSource);
  }
}
