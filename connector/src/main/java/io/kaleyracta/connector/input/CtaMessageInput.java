package io.kaleyracta.connector.input;

/**
 * A validated task input: what the analyst filled in, after {@link InputValidator} accepted it. Optional values
 * are {@code null} when absent; texts are exactly as given (only {@code recipient} and {@code businessNumber} are
 * trimmed), {@code waSource} defaults to {@code api} and {@code businessNumber} to the configured one.
 */
public record CtaMessageInput(
    String recipient,
    String businessNumber,
    String headerText,
    String bodyText,
    String footerText,
    String buttonText,
    String buttonUrl,
    String ref,
    String ref1,
    String ref2,
    String waSource) {

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
        + ", ref=" + ref + ", waSource=" + waSource + "]";
  }
}
