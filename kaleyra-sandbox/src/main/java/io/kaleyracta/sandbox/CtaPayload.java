package io.kaleyracta.sandbox;

/**
 * The fields of a CTA URL request body that passed {@link PayloadValidator}; absent optional ones are null. A
 * header is either {@code headerText} or {@code mediaHeader}, never both.
 */
record CtaPayload(String to, String headerText, String bodyText, String footerText, String buttonText,
                  String buttonUrl, String ref, String ref1, String ref2, String waSource, MediaHeader mediaHeader) {
}
