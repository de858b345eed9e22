package io.kaleyracta.sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The "what the customer sees" page: {@code GET /} renders every accepted message as a WhatsApp chat
 * bubble, newest first, server-side with all text escaped; a few lines of inline JavaScript poll
 * {@code GET /messages.json} every 2 s and reload the page when something changed. No external assets.
 */
final class MessageViewer {

    static final String PAGE_PATH = "/";
    static final String JSON_PATH = "/messages.json";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter FULL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());

    private static final String OPEN_ICON = "<svg viewBox=\"0 0 24 24\" width=\"17\" height=\"17\" aria-hidden=\"true\">"
            + "<path fill=\"currentColor\" d=\"M19 19H5V5h7V3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14c1.1 0 2-.9 2-2v-7h-2v7z"
            + "M14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3h-7z\"/></svg>";

    private static final String STYLE = "<style>\n"
            + "*{box-sizing:border-box}\n"
            + "body{margin:0;font-family:'Segoe UI','Helvetica Neue',Helvetica,Arial,sans-serif;background:#d1d7db;color:#111b21}\n"
            + ".top{background:#008069;color:#fff;padding:12px max(24px,calc((100% - 780px) / 2 + 28px));display:flex;align-items:center;gap:14px;position:sticky;top:0;z-index:1}\n"
            + ".avatar{width:42px;height:42px;border-radius:50%;background:#dfe5e7;color:#008069;display:flex;align-items:center;"
            + "justify-content:center;font-weight:700;font-size:20px;flex:none}\n"
            + ".top h1{font-size:17px;font-weight:600;margin:0}.top p{font-size:13px;margin:2px 0 0;opacity:.85}\n"
            + "main{max-width:780px;margin:0 auto;min-height:calc(100vh - 66px);padding:20px 28px 40px;background-color:#efeae2;"
            + "background-image:radial-gradient(rgba(0,0,0,.035) 1px,transparent 1px);background-size:14px 14px}\n"
            + ".msg{margin:0 0 26px}\n"
            + ".chat{font-size:12.5px;color:#54656f;margin:0 0 5px 4px}.chat b{color:#111b21;font-weight:600}\n"
            + ".wrap{position:relative;max-width:390px;margin-left:8px}\n"
            + ".wrap:before{content:'';position:absolute;top:0;left:-8px;border-right:8px solid #fff;border-bottom:13px solid transparent}\n"
            + ".bubble{background:#fff;border-radius:0 8px 8px 8px;box-shadow:0 1px .5px rgba(11,20,26,.13)}\n"
            + ".content{padding:7px 9px 7px}\n"
            + ".h{font-weight:700;font-size:15px;margin:2px 0 5px}\n"
            + ".b{white-space:pre-wrap;overflow-wrap:anywhere;font-size:14.2px;line-height:19px}\n"
            + ".f{color:#667781;font-size:13px;margin-top:5px;white-space:pre-wrap}\n"
            + ".time{text-align:right;color:#667781;font-size:11px;margin-top:2px}\n"
            + ".btn{display:flex;align-items:center;justify-content:center;gap:7px;border-top:1px solid #e9edef;padding:10px 9px;"
            + "color:#027eb5;font-size:14.2px;text-decoration:none;border-radius:0 0 8px 8px}\n"
            + ".btn:hover{background:#f5f6f6}\n"
            + ".url{font-size:12px;margin:6px 0 0 10px;color:#54656f;overflow-wrap:anywhere}.url a{color:#027eb5}\n"
            + ".details{display:flex;flex-wrap:wrap;gap:6px;margin:7px 0 0 10px}\n"
            + ".details span{background:rgba(255,255,255,.75);border-radius:10px;padding:2px 9px;font-size:11.5px;color:#3b4a54}\n"
            + ".details code{font-family:Consolas,'DejaVu Sans Mono',monospace;font-size:11.5px}\n"
            + ".empty{margin:40px auto;max-width:460px;text-align:center;background:#ffeecd;color:#54656f;border-radius:8px;"
            + "padding:10px 14px;font-size:13px;box-shadow:0 1px .5px rgba(11,20,26,.13)}\n"
            + MediaHeaderView.CSS
            + ".ticks{margin-left:3px;font-size:12px;letter-spacing:-3px;color:#8696a0}.ticks.read{color:#53bdeb}\n"
            + ".failed{color:#d9534f;font-size:12px;margin:4px 9px 0 0;text-align:right;letter-spacing:0}\n"
            + "</style>\n";

    private static final String POLL = "<script>\n(function(){var v=document.body.getAttribute('data-version');"
            + "setInterval(function(){fetch('" + JSON_PATH + "',{cache:'no-store'}).then(function(r){return r.json();})"
            + ".then(function(m){var k=m.length+':'+(m.length?m[0].message_id:'');"
            + "var s=m.map(function(x){return x.status||'';}).join(',');if(s.replace(/,/g,'')){k+=':'+s;}"
            + "if(k!==v){location.reload();}})"
            + ".catch(function(){});},2000);})();\n</script>\n";

    private MessageViewer() {
    }

    static boolean serves(String rawPath) {
        return rawPath.equals(PAGE_PATH) || rawPath.equals(JSON_PATH) || rawPath.equals("/favicon.ico");
    }

    static Reply reply(String method, String rawPath, List<AcceptedMessage> accepted, List<SentCallback> callbacks) {
        if (rawPath.equals("/favicon.ico")) {
            return new Reply(404, "text/plain; charset=utf-8", "");
        }
        if (!method.equals("GET")) {
            return KaleyraReplies.methodNotAllowed(method, "GET");
        }
        List<AcceptedMessage> newestFirst = new ArrayList<>(accepted);
        Collections.reverse(newestFirst);
        Map<String, SentCallback> latest = latestStatus(callbacks);
        Reply reply = rawPath.equals(JSON_PATH)
                ? Reply.json(200, json(newestFirst, latest))
                : new Reply(200, Reply.HTML, page(newestFirst, latest));
        return new Reply(reply.status(), reply.contentType(), reply.body(), Map.of("cache-control", "no-store"));
    }

    static String page(List<AcceptedMessage> newestFirst) {
        return page(newestFirst, Map.of());
    }

    /** Per message, the most advanced status reported so far (failures and NOT-SENT win: they are final). */
    static Map<String, SentCallback> latestStatus(List<SentCallback> callbacks) {
        Map<String, SentCallback> latest = new HashMap<>();
        for (SentCallback callback : callbacks) {
            latest.merge(callback.messageId(), callback, (a, b) -> rank(b.status()) >= rank(a.status()) ? b : a);
        }
        return latest;
    }

    private static int rank(String status) {
        switch (status) {
            case "sent": return 1;
            case "delivered": return 2;
            case "read": return 3;
            default: return 10;
        }
    }

    static String page(List<AcceptedMessage> newestFirst, Map<String, SentCallback> latest) {
        StringBuilder statuses = new StringBuilder();
        for (int i = 0; i < newestFirst.size(); i++) {
            SentCallback status = latest.get(newestFirst.get(i).messageId());
            statuses.append(i == 0 ? "" : ",").append(status == null ? "" : status.status());
        }
        String version = newestFirst.size() + ":" + (newestFirst.isEmpty() ? "" : newestFirst.get(0).messageId())
                + (statuses.toString().replace(",", "").isEmpty() ? "" : ":" + statuses);
        StringBuilder html = new StringBuilder(4096 + newestFirst.size() * 1500);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Kaleyra sandbox \u00b7 WhatsApp messages</title>\n")
                .append("<noscript><meta http-equiv=\"refresh\" content=\"5\"></noscript>\n")
                .append(STYLE).append("</head>\n<body data-version=\"").append(escape(version)).append("\">\n")
                .append("<div class=\"top\"><div class=\"avatar\">K</div><div><h1>Kaleyra sandbox \u00b7 what the customer sees</h1>")
                .append("<p>").append(newestFirst.size()).append(newestFirst.size() == 1 ? " message" : " messages")
                .append(" accepted \u00b7 newest first \u00b7 updates by itself</p></div></div>\n<main>\n");
        if (newestFirst.isEmpty()) {
            html.append("<div class=\"empty\">No messages yet. Messages the sandbox accepts on POST /v2/")
                    .append(escape(KaleyraSandbox.SID)).append("/whatsapp/{number}/messages appear here.</div>\n");
        }
        for (AcceptedMessage message : newestFirst) {
            bubble(html, message, latest.get(message.messageId()));
        }
        return html.append("</main>\n").append(POLL).append("</body>\n</html>\n").toString();
    }

    private static void bubble(StringBuilder html, AcceptedMessage m, SentCallback status) {
        html.append("<section class=\"msg\" id=\"").append(escape(m.messageId())).append("\">\n")
                .append("<div class=\"chat\">To <b>").append(escape(m.to())).append("</b> from ")
                .append(escape(m.businessNumber())).append("</div>\n")
                .append("<div class=\"wrap\"><div class=\"bubble\"><div class=\"content\">\n");
        MediaHeaderView.render(html, m.mediaHeader());
        if (m.headerText() != null) {
            html.append("<div class=\"h\">").append(escape(m.headerText())).append("</div>\n");
        }
        if (m.bodyText() != null) {
            html.append("<div class=\"b\">").append(escape(m.bodyText())).append("</div>\n");
        }
        if (m.footerText() != null) {
            html.append("<div class=\"f\">").append(escape(m.footerText())).append("</div>\n");
        }
        html.append("<div class=\"time\" title=\"").append(escape(FULL.format(m.acceptedAt()))).append("\">")
                .append(escape(CLOCK.format(m.acceptedAt()))).append(ticks(status)).append("</div>")
                .append(failure(status)).append("</div>\n")
                .append("<a class=\"btn\" href=\"").append(escape(m.buttonUrl())).append("\" title=\"")
                .append(escape(m.buttonUrl())).append("\" target=\"_blank\" rel=\"noopener noreferrer\">")
                .append(OPEN_ICON).append("<span>").append(escape(m.buttonText())).append("</span></a>\n")
                .append("</div></div>\n")
                .append("<div class=\"url\">\u2197 <a href=\"").append(escape(m.buttonUrl()))
                .append("\" target=\"_blank\" rel=\"noopener noreferrer\">").append(escape(m.buttonUrl())).append("</a></div>\n")
                .append("<div class=\"details\">");
        detail(html, "ref", m.ref());
        detail(html, "ref1", m.ref1());
        detail(html, "ref2", m.ref2());
        detail(html, "wa_source", m.waSource());
        detail(html, "message id", m.messageId());
        detail(html, "accepted", FULL.format(m.acceptedAt()));
        html.append("</div>\n</section>\n");
    }

    /** WhatsApp's ticks: one grey (sent), two grey (delivered), two blue (read). */
    static String ticks(SentCallback status) {
        if (status == null) {
            return "";
        }
        switch (status.status()) {
            case "sent": return " <span class=\"ticks\" title=\"sent\">\u2713</span>";
            case "delivered": return " <span class=\"ticks\" title=\"delivered\">\u2713\u2713</span>";
            case "read": return " <span class=\"ticks read\" title=\"read\">\u2713\u2713</span>";
            default: return "";
        }
    }

    static String failure(SentCallback status) {
        if (status == null || rank(status.status()) < 10) {
            return "";
        }
        String text = status.status().equals("failed")
                ? "\u26a0 Failed" + (status.errorCode() == null ? "" : " (Meta error " + status.errorCode() + ")")
                : "\u26a0 Not sent (Kaleyra never passed it to WhatsApp)";
        return "<div class=\"failed\" title=\"" + escape(status.status()) + "\">" + escape(text) + "</div>";
    }

    private static void detail(StringBuilder html, String label, String value) {
        if (value != null) {
            html.append("<span>").append(escape(label)).append(" <code>").append(escape(value)).append("</code></span>");
        }
    }

    static String json(List<AcceptedMessage> newestFirst) {
        return json(newestFirst, Map.of());
    }

    static String json(List<AcceptedMessage> newestFirst, Map<String, SentCallback> latest) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (AcceptedMessage m : newestFirst) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("message_id", m.messageId())
                    .add("accepted_at", m.acceptedAt().toString())
                    .add("business_number", m.businessNumber())
                    .add("to", m.to());
            add(o, "header_text", m.headerText());
            if (m.mediaHeader() != null) {
                add(o, "header_type", m.mediaHeader().type());
                add(o, "header_media_url", m.mediaHeader().link());
                add(o, "header_document_filename", m.mediaHeader().filename());
            }
            add(o, "body_text", m.bodyText());
            add(o, "footer_text", m.footerText());
            add(o, "button_text", m.buttonText());
            add(o, "button_url", m.buttonUrl());
            add(o, "ref", m.ref());
            add(o, "ref1", m.ref1());
            add(o, "ref2", m.ref2());
            add(o, "wa_source", m.waSource());
            SentCallback status = latest.get(m.messageId());
            if (status != null) {
                o.add("status", status.status());
                if (status.errorCode() != null) {
                    o.add("error_code", status.errorCode());
                }
            }
            array.add(o);
        }
        return array.build().toString();
    }

    private static void add(JsonObjectBuilder object, String key, String value) {
        if (value != null) {
            object.add(key, value);
        }
    }

    /** Escapes text for HTML element content and double- or single-quoted attribute values. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&': out.append("&amp;"); break;
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
