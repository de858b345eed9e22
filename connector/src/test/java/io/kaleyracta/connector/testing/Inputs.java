package io.kaleyracta.connector.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Task inputs used across tests: the full message of the golden file and the minimal one. */
public final class Inputs {

  public static final String RECIPIENT = "+919812345678";

  private Inputs() {
  }

  /** Every input set; matches golden/full-request.json. */
  public static Map<String, Object> full() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("recipient", RECIPIENT);
    inputs.put("headerText", "Ihre Buchung ✅");
    inputs.put("bodyText", "Hallo Zoë,\nyour <b>booking</b> & \"plan\" is ready 🎉\n\n– see you");
    inputs.put("footerText", "Reply STOP to opt out");
    inputs.put("buttonText", "See booking");
    inputs.put("buttonUrl", "https://example.com/bookings/42?src=wa&lang=en");
    inputs.put("ref", "booking-42");
    inputs.put("ref1", "reminders");
    inputs.put("ref2", "de");
    inputs.put("waSource", "clevertap");
    return inputs;
  }

  /** Only the required inputs; matches golden/minimal-request.json. */
  public static Map<String, Object> minimal() {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("recipient", RECIPIENT);
    inputs.put("bodyText", "Your parcel is on its way.");
    inputs.put("buttonText", "Track");
    inputs.put("buttonUrl", "https://example.com/t/1");
    return inputs;
  }

  /** The image header of golden/header-image-request.json (and its video and document siblings). */
  public static final Map<String, String> MEDIA_LINKS = Map.of(
      "image", "https://cdn.example.com/offers/spring-sale.jpg",
      "video", "https://cdn.example.com/videos/how-to-check-in.mp4",
      "document", "https://files.example.com/invoices/INV-2026-0042.pdf?sig=a1b2&exp=1767225600");

  public static final String DOCUMENT_FILENAME = "Invoice INV-2026-0042 (März).pdf";

  /**
   * A media header message: recipient, header, body, footer, button and a ref; the document carries a file name.
   * Matches golden/header-{type}-request.json.
   */
  public static Map<String, Object> withMediaHeader(String type) {
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("recipient", RECIPIENT);
    inputs.put("headerType", type);
    inputs.put("headerMediaUrl", MEDIA_LINKS.get(type));
    if (type.equals("document")) {
      inputs.put("headerDocumentFilename", DOCUMENT_FILENAME);
    }
    inputs.put("bodyText", "Your " + type + " is above. Tap below to pay.");
    inputs.put("footerText", "Questions? Reply here");
    inputs.put("buttonText", "Pay now");
    inputs.put("buttonUrl", "https://pay.example.com/i/42");
    inputs.put("ref", "invoice-42");
    return inputs;
  }

  public static Map<String, Object> minimalWith(String name, Object value) {
    Map<String, Object> inputs = minimal();
    inputs.put(name, value);
    return inputs;
  }

  public static String golden(String name) {
    try (var in = Inputs.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("golden file " + name, e);
    }
  }
}
