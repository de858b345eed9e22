package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request body against the spec's CTA URL payload, strictly: only the documented keys, no
 * nulls, no empty objects, no blank strings, strings where strings belong, the documented constants, and
 * Meta's length limits (in code points). Duplicate keys are rejected too.
 *
 * <p>The header is Kaleyra's documented text header or, as Meta's specification of the {@code cta_url} message
 * defines it, an image, video or document with a public https link (a document may add a file name). Kaleyra's
 * page names these types without documenting their shape; the sandbox accepts exactly Meta's.
 */
final class PayloadValidator {

    static final int HEADER_MAX = 60;
    static final int BODY_MAX = 1024;
    static final int FOOTER_MAX = 60;
    static final int BUTTON_TEXT_MAX = 20;

    static final List<String> HEADER_TYPES = List.of("text", "image", "video", "document");

    static final List<String> WA_SOURCES = List.of("api", "clevertap", "zoho", "webengage", "shopify",
            "leadsquared", "responsys", "braze", "hubspot", "salesforce", "zapier", "eloqua", "moengage");

    private static final Pattern E164 = Pattern.compile("\\+?[0-9]{7,15}");
    private static final JsonReaderFactory READERS =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private PayloadValidator() {
    }

    static CtaPayload validate(byte[] body) throws PayloadRejectedException {
        JsonObject root = parse(body);
        keys(root, "(root)", "messaging_object", "extra_info");

        JsonObject message = object(root, "", "messaging_object", true);
        keys(message, "messaging_object", "messaging_product", "recipient_type", "to", "type", "interactive");
        constant(message, "messaging_object", "messaging_product", "whatsapp", true);
        constant(message, "messaging_object", "recipient_type", "individual", false);
        String to = string(message, "messaging_object", "to", true);
        if (!E164.matcher(to).matches()) {
            throw reject("messaging_object.to must be a phone number with country code (\\+?[0-9]{7,15})");
        }
        constant(message, "messaging_object", "type", "interactive", true);

        JsonObject interactive = object(message, "messaging_object", "interactive", true);
        String at = "messaging_object.interactive";
        keys(interactive, at, "type", "header", "body", "footer", "action");
        constant(interactive, at, "type", "cta_url", true);

        String headerText = null;
        MediaHeader mediaHeader = null;
        JsonObject header = object(interactive, at, "header", false);
        if (header != null) {
            String type = header(header, at + ".header");
            if (type.equals("text")) {
                headerText = limited(header, at + ".header", "text", HEADER_MAX);
            } else {
                mediaHeader = media(header, at + ".header", type);
            }
        }
        String bodyText = textObject(interactive, at, "body", BODY_MAX);
        String footerText = textObject(interactive, at, "footer", FOOTER_MAX);

        JsonObject action = object(interactive, at, "action", true);
        keys(action, at + ".action", "name", "parameters");
        constant(action, at + ".action", "name", "cta_url", true);
        JsonObject parameters = object(action, at + ".action", "parameters", true);
        String params = at + ".action.parameters";
        keys(parameters, params, "display_text", "url");
        String buttonText = limited(parameters, params, "display_text", BUTTON_TEXT_MAX);
        String url = string(parameters, params, "url", true);
        checkUrl(url, params + ".url");

        String ref = null;
        String ref1 = null;
        String ref2 = null;
        String waSource = null;
        JsonObject extra = object(root, "", "extra_info", false);
        if (extra != null) {
            keys(extra, "extra_info", "ref", "ref1", "ref2", "wa_source");
            ref = string(extra, "extra_info", "ref", false);
            ref1 = string(extra, "extra_info", "ref1", false);
            ref2 = string(extra, "extra_info", "ref2", false);
            waSource = string(extra, "extra_info", "wa_source", false);
            if (waSource != null && !WA_SOURCES.contains(waSource)) {
                throw reject("extra_info.wa_source must be one of " + WA_SOURCES + " but was \"" + waSource + "\"");
            }
        }
        return new CtaPayload(to, headerText, bodyText, footerText, buttonText, url, ref, ref1, ref2, waSource,
                mediaHeader);
    }

    private static JsonObject parse(byte[] body) throws PayloadRejectedException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw reject("body is not valid UTF-8");
        }
        if (text.isBlank()) {
            throw reject("body is empty");
        }
        JsonValue value;
        try (JsonReader reader = READERS.createReader(new StringReader(text))) {
            value = reader.readValue();
            rejectTrailingContent(text);
        } catch (JsonException e) {
            throw reject("body is not valid JSON: " + e.getMessage());
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw reject("body must be a JSON object but was " + kind(value));
        }
        return value.asJsonObject();
    }

    /** The reader stops after the first value; a parser walked to the end fails on anything after it. */
    private static void rejectTrailingContent(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                parser.next();
            }
        }
    }

    /** The header's type, after checking that the header holds that type's one key and nothing else. */
    private static String header(JsonObject header, String at) throws PayloadRejectedException {
        String type = string(header, at, "type", true);
        if (!HEADER_TYPES.contains(type)) {
            throw reject(at + ".type must be one of " + HEADER_TYPES + " but was \"" + type + "\"");
        }
        keys(header, at, "type", type);
        return type;
    }

    /** {@code {"link": "https://..."}}, and for a document an optional {@code filename}. */
    private static MediaHeader media(JsonObject header, String at, String type) throws PayloadRejectedException {
        JsonObject media = object(header, at, type, true);
        String mediaAt = at + "." + type;
        if (type.equals("document")) {
            keys(media, mediaAt, "link", "filename");
        } else {
            keys(media, mediaAt, "link");
        }
        String link = string(media, mediaAt, "link", true);
        checkMediaLink(link, mediaAt + ".link");
        return new MediaHeader(type, link, string(media, mediaAt, "filename", false));
    }

    /** WhatsApp's servers fetch the media: an absolute https link to a host, nothing else. */
    private static void checkMediaLink(String link, String at) throws PayloadRejectedException {
        try {
            URI uri = new URI(link);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                throw reject(at + " must be an absolute https URL with a host but was \"" + link + "\"");
            }
        } catch (URISyntaxException e) {
            throw reject(at + " is not a valid URL: " + e.getMessage());
        }
    }

    private static String textObject(JsonObject parent, String at, String key, int max) throws PayloadRejectedException {
        JsonObject object = object(parent, at, key, false);
        if (object == null) {
            return null;
        }
        keys(object, at + "." + key, "text");
        return limited(object, at + "." + key, "text", max);
    }

    private static String limited(JsonObject parent, String at, String key, int max) throws PayloadRejectedException {
        String value = string(parent, at, key, true);
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw reject(at + "." + key + " is " + length + " characters long; the limit is " + max);
        }
        return value;
    }

    private static void checkUrl(String url, String at) throws PayloadRejectedException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw reject(at + " must be an absolute http(s) URL with a host but was \"" + url + "\"");
            }
        } catch (URISyntaxException e) {
            throw reject(at + " is not a valid URL: " + e.getMessage());
        }
    }

    /** Rejects any key of {@code object} that is not listed. */
    private static void keys(JsonObject object, String at, String... allowed) throws PayloadRejectedException {
        Set<String> known = Set.of(allowed);
        for (String key : object.keySet()) {
            if (!known.contains(key)) {
                throw reject("unknown key \"" + key + "\" in " + at + "; allowed: " + String.join(", ", allowed));
            }
        }
    }

    private static JsonObject object(JsonObject parent, String at, String key, boolean required)
            throws PayloadRejectedException {
        JsonValue value = present(parent, at, key, required);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw reject(path(at, key) + " must be a JSON object but was " + kind(value));
        }
        if (value.asJsonObject().isEmpty()) {
            throw reject(path(at, key) + " is an empty object; leave it out instead");
        }
        return value.asJsonObject();
    }

    private static String string(JsonObject parent, String at, String key, boolean required)
            throws PayloadRejectedException {
        JsonValue value = present(parent, at, key, required);
        if (value == null) {
            return null;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw reject(path(at, key) + " must be a string but was " + kind(value));
        }
        String text = ((JsonString) value).getString();
        if (text.isBlank()) {
            throw reject(path(at, key) + " is blank; leave it out instead");
        }
        return text;
    }

    private static void constant(JsonObject parent, String at, String key, String expected, boolean required)
            throws PayloadRejectedException {
        String value = string(parent, at, key, required);
        if (value != null && !value.equals(expected)) {
            throw reject(path(at, key) + " must be \"" + expected + "\" but was \"" + value + "\"");
        }
    }

    /** The value under {@code key}, null when absent and optional; rejects missing required keys and nulls. */
    private static JsonValue present(JsonObject parent, String at, String key, boolean required)
            throws PayloadRejectedException {
        if (!parent.containsKey(key)) {
            if (required) {
                throw reject(path(at, key) + " is required but missing");
            }
            return null;
        }
        JsonValue value = parent.get(key);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            throw reject(path(at, key) + " is null; leave it out instead");
        }
        return value;
    }

    private static String path(String at, String key) {
        return at.isEmpty() ? key : at + "." + key;
    }

    private static String kind(JsonValue value) {
        return value.getValueType().name().toLowerCase(Locale.ROOT);
    }

    private static PayloadRejectedException reject(String detail) {
        return new PayloadRejectedException(detail);
    }
}
