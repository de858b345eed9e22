package io.kaleyracta.connector.input;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Turns the raw task inputs (whatever the expressions produced) into a {@link CtaMessageInput}, checking every
 * rule of {@link InputField}. All broken rules are reported at once, each naming the input and the rule.
 */
public final class InputValidator {

  /** Compiled once: validation runs on every send. */
  private static final Pattern PHONE = Pattern.compile(InputField.PHONE_PATTERN);

  private InputValidator() {
  }

  /** The outcome: either an input to send, or the violations that stop the send. */
  public record Result(CtaMessageInput input, List<Violation> violations) {
    public boolean valid() {
      return violations.isEmpty();
    }

    /** "bodyText: required; buttonText: at most 20 characters (got 27)". */
    public String message() {
      return "Invalid input: " + String.join("; ", violations.stream().map(Violation::toString).toList());
    }
  }

  /**
   * @param rawInputs looks an input up by its {@code camunda:inputParameter} name
   * @param configuredBusinessNumber {@code kaleyra.business-number}, or {@code null}
   */
  public static Result validate(Function<String, Object> rawInputs, String configuredBusinessNumber) {
    List<Violation> violations = new ArrayList<>();
    Map<InputField, String> values = new EnumMap<>(InputField.class);
    for (InputField field : InputField.values()) {
      int before = violations.size();
      String value = asText(field, rawInputs.apply(field.inputName()), violations);
      if (value != null) {
        checkRule(field, value, violations);
        values.put(field, value);
      } else if (field.required() && violations.size() == before) {
        violations.add(new Violation(field.inputName(), "required"));
      }
    }
    values.putIfAbsent(InputField.WA_SOURCE, InputField.DEFAULT_WA_SOURCE);
    values.putIfAbsent(InputField.HEADER_TYPE, InputField.DEFAULT_HEADER_TYPE);
    HeaderType headerType = HeaderType.of(values.get(InputField.HEADER_TYPE)).orElse(null);
    if (headerType != null) {
      checkHeaderCombination(headerType, values, violations);
    }
    if (configuredBusinessNumber != null) {
      values.putIfAbsent(InputField.BUSINESS_NUMBER, configuredBusinessNumber);
    } else if (!values.containsKey(InputField.BUSINESS_NUMBER)
        && violations.stream().noneMatch(v -> v.inputName().equals(InputField.BUSINESS_NUMBER.inputName()))) {
      violations.add(new Violation(InputField.BUSINESS_NUMBER.inputName(),
          "required, because kaleyra.business-number is not configured"));
    }
    if (!violations.isEmpty()) {
      return new Result(null, List.copyOf(violations));
    }
    return new Result(new CtaMessageInput(
        values.get(InputField.RECIPIENT),
        values.get(InputField.BUSINESS_NUMBER),
        headerType,
        values.get(InputField.HEADER_TEXT),
        values.get(InputField.HEADER_MEDIA_URL),
        values.get(InputField.HEADER_DOCUMENT_FILENAME),
        values.get(InputField.BODY_TEXT),
        values.get(InputField.FOOTER_TEXT),
        values.get(InputField.BUTTON_TEXT),
        values.get(InputField.BUTTON_URL),
        values.get(InputField.REF),
        values.get(InputField.REF1),
        values.get(InputField.REF2),
        values.get(InputField.WA_SOURCE),
        "true".equalsIgnoreCase(values.getOrDefault(InputField.TRACK_TAPS, "").trim())), List.of());
  }

  /**
   * Expressions may give numbers ({@code ${customer.phone}} stored as a Long): those are written in plain digits.
   * Blank counts as absent. Phone numbers are trimmed; texts are kept exactly as given.
   */
  private static String asText(InputField field, Object raw, List<Violation> violations) {
    String text;
    if (raw == null) {
      return null;
    } else if (raw instanceof CharSequence || raw instanceof Character || raw instanceof Boolean) {
      text = raw.toString();
    } else if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte
        || raw instanceof BigInteger) {
      text = raw.toString();
    } else if (raw instanceof BigDecimal decimal) {
      text = decimal.toPlainString();
    } else if (raw instanceof Double || raw instanceof Float) {
      double number = ((Number) raw).doubleValue();
      text = Double.isFinite(number) && number == Math.rint(number) && Math.abs(number) < 1e15
          ? Long.toString((long) number)
          : BigDecimal.valueOf(number).toPlainString();
    } else {
      violations.add(new Violation(field.inputName(),
          "must be text or a number, but the expression gave a " + raw.getClass().getSimpleName()));
      return null;
    }
    if (text.isBlank()) {
      return null;
    }
    return field.rule() == InputField.Rule.PHONE ? text.trim() : text;
  }

  private static void checkRule(InputField field, String value, List<Violation> violations) {
    switch (field.rule()) {
      case PHONE:
        if (!PHONE.matcher(value).matches()) {
          violations.add(new Violation(field.inputName(),
              "must be a phone number in E.164 form: 7 to 15 digits with an optional leading +, no spaces"));
        }
        break;
      case URL:
        if (!isWebUrl(value, "https", "http")) {
          violations.add(new Violation(field.inputName(),
              "must be an absolute http or https URL with a host, without spaces"));
        }
        break;
      case MEDIA_URL:
        if (!isWebUrl(value, "https")) {
          violations.add(new Violation(field.inputName(),
              "must be an absolute https URL with a host, without spaces (WhatsApp fetches it; http is refused)"));
        }
        break;
      case CHOICE:
        if (!field.choices().contains(value)) {
          violations.add(new Violation(field.inputName(), "must be one of " + String.join(", ", field.choices())));
        }
        break;
      case FLAG:
        if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
          violations.add(new Violation(field.inputName(), "must be true or false"));
        }
        break;
      case TEXT:
      default:
        break;
    }
    if (field.maxLength() > 0) {
      int length = value.codePointCount(0, value.length());
      if (length > field.maxLength()) {
        violations.add(new Violation(field.inputName(),
            "at most " + field.maxLength() + " characters (got " + length + ")"));
      }
    }
  }

  /**
   * Exactly the inputs the header type needs: a text header takes {@code headerText} and no link; an image, video
   * or document header takes {@code headerMediaUrl} and no text; only a document takes a file name. Each violation
   * names both inputs, so the analyst sees which one to change.
   */
  private static void checkHeaderCombination(HeaderType type, Map<InputField, String> values,
      List<Violation> violations) {
    String typeName = InputField.HEADER_TYPE.inputName() + " is " + type.value();
    if (!type.isMedia() && values.containsKey(InputField.HEADER_MEDIA_URL)) {
      violations.add(new Violation(InputField.HEADER_MEDIA_URL.inputName(),
          "only for an image, video or document header, but " + typeName + "; leave it empty or change headerType"));
    }
    if (type.isMedia() && values.containsKey(InputField.HEADER_TEXT)) {
      violations.add(new Violation(InputField.HEADER_TEXT.inputName(),
          "only for a text header, but " + typeName + " (a media header has no text); leave it empty or change"
              + " headerType"));
    }
    if (type.isMedia() && !values.containsKey(InputField.HEADER_MEDIA_URL)
        && violations.stream().noneMatch(v -> v.inputName().equals(InputField.HEADER_MEDIA_URL.inputName()))) {
      violations.add(new Violation(InputField.HEADER_MEDIA_URL.inputName(), "required, because " + typeName));
    }
    if (type != HeaderType.DOCUMENT && values.containsKey(InputField.HEADER_DOCUMENT_FILENAME)) {
      violations.add(new Violation(InputField.HEADER_DOCUMENT_FILENAME.inputName(),
          "only for a document header, but " + typeName + "; leave it empty or change headerType"));
    }
  }

  private static boolean isWebUrl(String value, String... schemes) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      return List.of(schemes).contains(scheme) && !uri.isOpaque()
          && uri.getHost() != null && !uri.getHost().isEmpty();
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
