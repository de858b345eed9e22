package io.kaleyracta.connector.input;

import java.util.Arrays;
import java.util.List;

/**
 * The inputs of the "Send WhatsApp CTA" task: the one place that states each input's name, whether it is
 * required and its limit. Validation and the element-template consistency test read this table; the README
 * mirrors it.
 *
 * <p>Names are {@code camunda:inputParameter} names and part of the public contract: diagrams depend on them.
 */
public enum InputField {
  RECIPIENT("recipient", Rule.PHONE, true, 0),
  /** Required unless {@code kaleyra.business-number} is configured; {@link InputValidator} knows that. */
  BUSINESS_NUMBER("businessNumber", Rule.PHONE, false, 0),
  /** {@code text} when absent, as before media headers existed; which other header inputs fit is in {@link HeaderType}. */
  HEADER_TYPE("headerType", Rule.CHOICE, false, 0),
  HEADER_TEXT("headerText", Rule.TEXT, false, 60),
  /** Required for an image, video or document header; WhatsApp's servers fetch it, hence https only. */
  HEADER_MEDIA_URL("headerMediaUrl", Rule.MEDIA_URL, false, 2000),
  /** Document headers only: the file name the customer sees instead of the link's last segment. */
  HEADER_DOCUMENT_FILENAME("headerDocumentFilename", Rule.TEXT, false, 255),
  BODY_TEXT("bodyText", Rule.TEXT, true, 1024),
  FOOTER_TEXT("footerText", Rule.TEXT, false, 60),
  BUTTON_TEXT("buttonText", Rule.TEXT, true, 20),
  BUTTON_URL("buttonUrl", Rule.URL, true, 0),
  REF("ref", Rule.TEXT, false, 255),
  REF1("ref1", Rule.TEXT, false, 255),
  REF2("ref2", Rule.TEXT, false, 255),
  WA_SOURCE("waSource", Rule.CHOICE, false, 0),
  /** Off unless {@code true}: the button then opens a tracking link on this server that records the tap. */
  TRACK_TAPS("trackTaps", Rule.FLAG, false, 0);

  /** The kinds of check an input gets besides requiredness and length. */
  public enum Rule {
    /** Free text, counted in code points (what a user sees), sent unaltered. */
    TEXT,
    /** E.164: 7 to 15 digits with an optional leading {@code +}; trimmed, otherwise sent as given. */
    PHONE,
    /** An absolute http or https URL with a host. */
    URL,
    /** An absolute https URL with a host (never http, not even on loopback: WhatsApp's servers fetch it). */
    MEDIA_URL,
    /** One of {@link #choices()}. */
    CHOICE,
    /** On or off: {@code true} or {@code false} (a Boolean, or that text in any case); absent is off. */
    FLAG
  }

  /** Kaleyra's supported {@code wa_source} values, {@code api} (the default) first. */
  public static final List<String> WA_SOURCES = List.of(
      "api", "clevertap", "zoho", "webengage", "shopify", "leadsquared", "responsys", "braze", "hubspot",
      "salesforce", "zapier", "eloqua", "moengage");

  public static final String DEFAULT_WA_SOURCE = "api";

  /** The header types of Meta's {@code cta_url} message, {@code text} (the default) first. */
  public static final List<String> HEADER_TYPES =
      Arrays.stream(HeaderType.values()).map(HeaderType::value).toList();

  public static final String DEFAULT_HEADER_TYPE = HeaderType.TEXT.value();

  public static final String PHONE_PATTERN = "\\+?[0-9]{7,15}";

  private final String inputName;
  private final Rule rule;
  private final boolean required;
  private final int maxLength;

  InputField(String inputName, Rule rule, boolean required, int maxLength) {
    this.inputName = inputName;
    this.rule = rule;
    this.required = required;
    this.maxLength = maxLength;
  }

  /** The {@code camunda:inputParameter} name. */
  public String inputName() {
    return inputName;
  }

  public Rule rule() {
    return rule;
  }

  public boolean required() {
    return required;
  }

  /** Maximum length in code points, or 0 when the rule itself bounds the value. */
  public int maxLength() {
    return maxLength;
  }

  /** The accepted values of a {@link Rule#CHOICE} input, its default first; empty for the other rules. */
  public List<String> choices() {
    return switch (this) {
      case WA_SOURCE -> WA_SOURCES;
      case HEADER_TYPE -> HEADER_TYPES;
      default -> List.of();
    };
  }
}
