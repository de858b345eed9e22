package io.kaleyracta.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Draws a message's media header in the viewer, above the text, the way WhatsApp shows it: a picture area for an
 * image, a poster with a play button for a video, a file card for a document. The sandbox never fetches the link
 * (it runs offline, and on a phone WhatsApp's servers fetch it): it draws a placeholder of the right kind, named
 * after the file, with the link underneath. Every text is escaped.
 */
final class MediaHeaderView {

    static final String CSS = ""
            + ".mh{margin:-4px -6px 7px;border-radius:6px;overflow:hidden}\n"
            + ".mh-image,.mh-video{height:180px;display:flex;flex-direction:column;align-items:center;justify-content:center;gap:8px}\n"
            + ".mh-image{background:linear-gradient(135deg,#b9e3d6,#8fc9e8 55%,#f6d7a7);color:#1f4f46}\n"
            + ".mh-video{background:linear-gradient(160deg,#2b3a42,#10181c);color:#e9edef}\n"
            + ".mh-play{width:54px;height:54px;border-radius:50%;background:rgba(0,0,0,.45);display:flex;align-items:center;justify-content:center}\n"
            + ".mh-doc{display:flex;align-items:center;gap:10px;background:#f0f2f5;padding:10px 12px}\n"
            + ".mh-ext{flex:none;width:34px;height:42px;border-radius:3px;background:#e53935;color:#fff;font-size:10px;font-weight:700;"
            + "display:flex;align-items:flex-end;justify-content:center;padding-bottom:5px}\n"
            + ".mh-name{font-size:13.5px;font-weight:600;overflow-wrap:anywhere}\n"
            + ".mh-kind{font-size:11.5px;color:#667781}\n"
            + ".mh-image .mh-kind,.mh-video .mh-kind{color:inherit;opacity:.8}\n"
            + ".mh-link{font-size:11px;color:#667781;margin:-3px 0 6px;overflow-wrap:anywhere}\n";

    private static final String PICTURE = "<svg viewBox=\"0 0 24 24\" width=\"44\" height=\"44\" aria-hidden=\"true\">"
            + "<path fill=\"currentColor\" d=\"M21 19V5a2 2 0 0 0-2-2H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2z"
            + "M8.5 13.5l2.5 3 3.5-4.5 4.5 6H5l3.5-4.5z\"/></svg>";
    private static final String PLAY = "<svg viewBox=\"0 0 24 24\" width=\"30\" height=\"30\" aria-hidden=\"true\">"
            + "<path fill=\"#fff\" d=\"M8 5v14l11-7z\"/></svg>";

    private MediaHeaderView() {
    }

    /** Appends the header's drawing; nothing for a message without a media header. */
    static void render(StringBuilder html, MediaHeader media) {
        if (media == null) {
            return;
        }
        String name = media.filename() != null ? media.filename() : lastSegment(media.link());
        switch (media.type()) {
            case "image":
                html.append("<div class=\"mh mh-image\" role=\"img\" aria-label=\"image header\">").append(PICTURE)
                        .append("<div class=\"mh-name\">").append(MessageViewer.escape(name)).append("</div>")
                        .append("<div class=\"mh-kind\">image</div></div>\n");
                break;
            case "video":
                html.append("<div class=\"mh mh-video\" role=\"img\" aria-label=\"video header\">")
                        .append("<div class=\"mh-play\">").append(PLAY).append("</div>")
                        .append("<div class=\"mh-name\">").append(MessageViewer.escape(name)).append("</div>")
                        .append("<div class=\"mh-kind\">video</div></div>\n");
                break;
            default:
                html.append("<div class=\"mh mh-doc\" role=\"img\" aria-label=\"document header\">")
                        .append("<div class=\"mh-ext\">").append(MessageViewer.escape(extension(name))).append("</div>")
                        .append("<div><div class=\"mh-name\">").append(MessageViewer.escape(name)).append("</div>")
                        .append("<div class=\"mh-kind\">document</div></div></div>\n");
                break;
        }
        html.append("<div class=\"mh-link\" title=\"WhatsApp fetches the header from this link\">")
                .append(MessageViewer.escape(media.link())).append("</div>\n");
    }

    /** The file name at the end of the link's path ("spring-sale.jpg"), or the host when the path has none. */
    static String lastSegment(String link) {
        try {
            URI uri = new URI(link);
            String path = uri.getPath() == null ? "" : uri.getPath();
            String last = path.substring(path.lastIndexOf('/') + 1);
            return last.isEmpty() ? uri.getHost() : last;
        } catch (URISyntaxException e) {
            return link;
        }
    }

    /** "PDF" for "invoice.pdf"; "FILE" without an extension of 1 to 4 letters or digits. */
    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        return extension.matches("[A-Za-z0-9]{1,4}") ? extension.toUpperCase(Locale.ROOT) : "FILE";
    }
}
