package io.kaleyracta.connector.payload;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** The one button: its label and the URL it opens. */
@JsonbPropertyOrder({"name", "parameters"})
public record CtaAction(String name, CtaParameters parameters) {

  public static CtaAction openUrl(String displayText, String url) {
    return new CtaAction(Interactive.CTA_URL, new CtaParameters(displayText, url));
  }
}
