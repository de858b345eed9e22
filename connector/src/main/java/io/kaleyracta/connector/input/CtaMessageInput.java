package io.kaleyracta.connector.input;

/**
 * A validated task input: what the analyst filled in, after {@link InputValidator} accepted it. Optional values
 * are {@code null} when absent; texts are exactly as given (only {@code recipient} and {@code businessNumber} are
 * trimmed), {@code waSource} defaults to {@code api} and {@code businessNumber} to the configured one;
 * {@code trackTaps} is off unless the input said {@code true}.
 * {@code headerType} is never null ({@code text} when absent); a media type comes with {@code headerMediaUrl} and
 * without {@code headerText}, and only a document may have a {@code headerDocumentFilename}.
 */
public record CtaMessageInput(
    String recipient,
    String businessNumber,
    HeaderType headerType,
    String headerText,
    String headerMediaUrl,
    String headerDocumentFilename,
    String bodyText,
    String footerText,
    String buttonText,
    String buttonUrl,
    String ref,
    String ref1,
    String ref2,
    String waSource,
    boolean trackTaps) {

  /** The same message with another button URL (the tracking link that stands in for the analyst's). */
  public CtaMessageInput withButtonUrl(String url) {
    return new CtaMessageInput(recipient, businessNumber, headerType, headerText, headerMediaUrl,
        headerDocumentFilename, bodyText, footerText, buttonText, url, ref, ref1, ref2, waSource, trackTaps);
  }

  /** The last digits only: phone numbers are personal data and stay out of logs. */
  public static String maskPhone(String phone) {
    if (phone == null || phone.length() <= 4) {
      return "****";
    }
    return "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4);
  }

  @Override
  public String toString() {
    return "CtaMessageInput[recipient=" + maskPhone(recipient) + ", businessNumber=" + maskPhone(businessNumber)
        + ", headerType=" + headerType.value() + ", ref=" + ref + ", waSource=" + waSource
        + ", trackTaps=" + trackTaps + "]";
  }
}
