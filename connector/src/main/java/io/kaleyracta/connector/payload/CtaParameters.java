package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The button's label and target URL. */
@JsonbPropertyOrder({"displayText", "url"})
public record CtaParameters(@JsonbProperty("display_text") String displayText, String url) {
}
