package io.kaleyracta.sandbox;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Media headers in Meta's shape ({@code {"type":"image","image":{"link":"https://..."}}}, likewise video, and
 * document with an optional filename): accepted exactly, anything else is WA400 naming the rule, and the viewer
 * draws each kind above the text with every text escaped.
 */
class MediaHeaderTest extends SandboxTest {

    private static final String TEXT_HEADER = "\"header\":{\"type\":\"text\",\"text\":\"Available Dates\"}";
    private static final String IMAGE = "https://cdn.example.com/offers/spring-sale.jpg";
    private static final String VIDEO = "https://cdn.example.com/videos/check-in.mp4";
    private static final String DOCUMENT = "https://files.example.com/invoices/INV-42.pdf?sig=a1&exp=2";

    /** The full body of the spec with {@code header} replaced by the given JSON. */
    static String withHeader(String header) {
        String full = SandboxClient.full(SandboxClient.RECIPIENT);
        assertThat(full).contains(TEXT_HEADER);
        return full.replace(TEXT_HEADER, "\"header\":" + header);
    }

    static Stream<Arguments> acceptedHeaders() {
        return Stream.of(
                arguments("{\"type\":\"image\",\"image\":{\"link\":\"" + IMAGE + "\"}}",
                        new MediaHeader("image", IMAGE, null)),
                arguments("{\"type\":\"video\",\"video\":{\"link\":\"" + VIDEO + "\"}}",
                        new MediaHeader("video", VIDEO, null)),
                arguments("{\"type\":\"document\",\"document\":{\"link\":\"" + DOCUMENT + "\",\"filename\":\"Invoice 42.pdf\"}}",
                        new MediaHeader("document", DOCUMENT, "Invoice 42.pdf")),
                arguments("{\"type\":\"document\",\"document\":{\"link\":\"" + DOCUMENT + "\"}}",
                        new MediaHeader("document", DOCUMENT, null)));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("acceptedHeaders")
    void acceptsEachMediaHeaderAndRecordsIt(String header, MediaHeader expected) {
        HttpResponse<String> response = client.send(withHeader(header));

        assertThat(response.statusCode()).isEqualTo(202);
        AcceptedMessage message = sandbox.accepted().get(0);
        assertThat(message.mediaHeader()).isEqualTo(expected);
        assertThat(message.headerText()).isNull();
        assertThat(message.bodyText()).isEqualTo("Tap the button below to see available dates.");
    }

    @Test
    void aTextHeaderHasNoMediaHeader() {
        client.send(SandboxClient.full(SandboxClient.RECIPIENT));

        assertThat(sandbox.accepted().get(0).mediaHeader()).isNull();
        assertThat(sandbox.accepted().get(0).headerText()).isEqualTo("Available Dates");
    }

    static Stream<Arguments> brokenHeaders() {
        String at = "messaging_object.interactive.header";
        return Stream.of(
                arguments("unknown type", "{\"type\":\"audio\",\"audio\":{\"link\":\"" + IMAGE + "\"}}",
                        at + ".type must be one of [text, image, video, document] but was \"audio\""),
                arguments("type in capitals", "{\"type\":\"IMAGE\",\"image\":{\"link\":\"" + IMAGE + "\"}}",
                        at + ".type must be one of"),
                arguments("image with header text", "{\"type\":\"image\",\"text\":\"Sale\",\"image\":{\"link\":\"" + IMAGE + "\"}}",
                        "unknown key \"text\" in " + at + "; allowed: type, image"),
                arguments("text header with an image", "{\"type\":\"text\",\"text\":\"Sale\",\"image\":{\"link\":\"" + IMAGE + "\"}}",
                        "unknown key \"image\" in " + at + "; allowed: type, text"),
                arguments("image type with a video object", "{\"type\":\"image\",\"video\":{\"link\":\"" + VIDEO + "\"}}",
                        "unknown key \"video\" in " + at + "; allowed: type, image"),
                arguments("image type without its object", "{\"type\":\"image\"}", at + ".image is required but missing"),
                arguments("image as a string", "{\"type\":\"image\",\"image\":\"" + IMAGE + "\"}",
                        at + ".image must be a JSON object but was string"),
                arguments("empty image object", "{\"type\":\"image\",\"image\":{}}", at + ".image is an empty object"),
                arguments("null link", "{\"type\":\"video\",\"video\":{\"link\":null}}", at + ".video.link is null"),
                arguments("missing link", "{\"type\":\"document\",\"document\":{\"filename\":\"a.pdf\"}}",
                        at + ".document.link is required but missing"),
                arguments("uploaded media id instead of a link", "{\"type\":\"image\",\"image\":{\"id\":\"1234567890\"}}",
                        "unknown key \"id\" in " + at + ".image; allowed: link"),
                arguments("caption on a header image", "{\"type\":\"image\",\"image\":{\"link\":\"" + IMAGE + "\",\"caption\":\"x\"}}",
                        "unknown key \"caption\" in " + at + ".image"),
                arguments("filename on an image", "{\"type\":\"image\",\"image\":{\"link\":\"" + IMAGE + "\",\"filename\":\"a.jpg\"}}",
                        "unknown key \"filename\" in " + at + ".image; allowed: link"),
                arguments("filename on a video", "{\"type\":\"video\",\"video\":{\"link\":\"" + VIDEO + "\",\"filename\":\"a.mp4\"}}",
                        "unknown key \"filename\" in " + at + ".video; allowed: link"),
                arguments("blank filename", "{\"type\":\"document\",\"document\":{\"link\":\"" + DOCUMENT + "\",\"filename\":\" \"}}",
                        at + ".document.filename is blank"),
                arguments("numeric filename", "{\"type\":\"document\",\"document\":{\"link\":\"" + DOCUMENT + "\",\"filename\":42}}",
                        at + ".document.filename must be a string but was number"),
                arguments("http link", "{\"type\":\"image\",\"image\":{\"link\":\"http://cdn.example.com/a.jpg\"}}",
                        at + ".image.link must be an absolute https URL with a host"),
                arguments("http link on loopback", "{\"type\":\"image\",\"image\":{\"link\":\"http://127.0.0.1:8080/a.jpg\"}}",
                        at + ".image.link must be an absolute https URL with a host"),
                arguments("relative link", "{\"type\":\"video\",\"video\":{\"link\":\"/videos/a.mp4\"}}",
                        at + ".video.link must be an absolute https URL with a host"),
                arguments("link without host", "{\"type\":\"document\",\"document\":{\"link\":\"https:///a.pdf\"}}",
                        at + ".document.link must be an absolute https URL with a host"),
                arguments("link with a space", "{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example.com/a b.jpg\"}}",
                        at + ".image.link is not a valid URL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHeaders")
    void rejectsEveryOtherHeaderShapeWithWa400(String rule, String header, String expectedDetail) {
        HttpResponse<String> response = client.send(withHeader(header));

        assertThat(response.statusCode()).as(rule).isEqualTo(400);
        JsonObject answer = MessagesEndpointTest.json(response.body());
        assertThat(answer.getString("code")).isEqualTo("WA400");
        assertThat(answer.getJsonObject("error").getString("detail")).contains(expectedDetail);
        assertThat(sandbox.accepted()).isEmpty();
    }

    @Test
    void viewerDrawsAnImageAVideoPosterAndADocumentCardAboveTheText() {
        client.send(withHeader(acceptedHeader(0)));
        client.send(withHeader(acceptedHeader(1)));
        client.send(withHeader(acceptedHeader(2)));

        String page = client.get("/").body();

        assertThat(page).contains("<div class=\"mh mh-image\" role=\"img\" aria-label=\"image header\">",
                "<div class=\"mh-name\">spring-sale.jpg</div><div class=\"mh-kind\">image</div>",
                "<div class=\"mh mh-video\" role=\"img\" aria-label=\"video header\"><div class=\"mh-play\">",
                "<div class=\"mh-name\">check-in.mp4</div><div class=\"mh-kind\">video</div>",
                "<div class=\"mh mh-doc\" role=\"img\" aria-label=\"document header\"><div class=\"mh-ext\">PDF</div>",
                "<div class=\"mh-name\">Invoice 42.pdf</div><div class=\"mh-kind\">document</div>",
                ">" + IMAGE + "</div>", ">https://files.example.com/invoices/INV-42.pdf?sig=a1&amp;exp=2</div>");
        for (String kind : new String[] {"mh-image", "mh-video", "mh-doc"}) {
            int drawing = page.indexOf("class=\"mh " + kind + "\"");
            assertThat(drawing).as(kind).isPositive();
            assertThat(page.indexOf("<div class=\"b\">", drawing)).as("the text follows the " + kind).isGreaterThan(drawing);
            assertThat(page.lastIndexOf("<section", drawing)).isGreaterThan(page.lastIndexOf("<div class=\"b\">", drawing));
        }
        assertThat(page).doesNotContain("<img", "<video", "src=\"https://");
    }

    @Test
    void viewerEscapesTheFileNameAndTheLink() {
        String hostileLink = "https://cdn.example.com/x.pdf?a=1&b='q'"; // a URI has no < > or "
        client.send(withHeader("{\"type\":\"document\",\"document\":{\"link\":\"" + hostileLink
                + "\",\"filename\":\"<img src=x onerror=alert(1)>.\\\"exe\\\"\"}}"));
        client.send(withHeader("{\"type\":\"image\",\"image\":{\"link\":\"https://cdn.example.com/%3Cscript%3E\"}}"));
        assertThat(sandbox.accepted()).hasSize(2);

        String page = client.get("/").body();

        assertThat(page).contains("<div class=\"mh-name\">&lt;img src=x onerror=alert(1)&gt;.&quot;exe&quot;</div>",
                        "<div class=\"mh-ext\">FILE</div>",
                        ">https://cdn.example.com/x.pdf?a=1&amp;b=&#39;q&#39;</div>",
                        "<div class=\"mh-name\">&lt;script&gt;</div>")
                .doesNotContain("<img src=x", "<script>alert");
        assertThat(page.split("<script>", -1)).hasSize(2);
    }

    @Test
    void messagesJsonCarriesTheMediaHeader() {
        client.send(withHeader(acceptedHeader(2)));
        client.send(SandboxClient.minimal("+447700900123"));

        JsonArray messages = jakarta.json.Json.createReader(new StringReader(client.get("/messages.json").body())).readArray();

        assertThat(messages.getJsonObject(0).containsKey("header_type")).isFalse();
        JsonObject document = messages.getJsonObject(1);
        assertThat(document.getString("header_type")).isEqualTo("document");
        assertThat(document.getString("header_media_url")).isEqualTo(DOCUMENT);
        assertThat(document.getString("header_document_filename")).isEqualTo("Invoice 42.pdf");
        assertThat(document.containsKey("header_text")).isFalse();
    }

    private static String acceptedHeader(int index) {
        return (String) acceptedHeaders().toList().get(index).get()[0];
    }
}
