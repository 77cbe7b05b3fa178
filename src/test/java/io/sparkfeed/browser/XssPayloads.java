package io.sparkfeed.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Hostile text for every input: script and event-handler injections, javascript: and data: URLs, attribute and
 * element breakouts, Thymeleaf expressions and preprocessing, htmx attributes, CSS, and template- or markdown-like
 * forms. A payload that runs calls {@code xss(n)} (n: its number), {@code alert}, or sets the system property
 * {@code sparkfeed.xss} on the server; none may.
 */
final class XssPayloads {

    static final String SERVER_MARKER = "sparkfeed.xss";
    static final String EVALUATED = "xssevaluated";

    private static final List<String> TEMPLATES = List.of(
            // classic script, element and event-handler injections
            "<script>xss(N)</script>",
            "<SCRIPT SRC=//evil.example/xssN.js></SCRIPT>",
            "<img src=x onerror=xss(N)>",
            "<img src=\"x\" onerror=\"xss(N)\">",
            "<svg onload=xss(N)>",
            "<svg><script>xss(N)</script></svg>",
            "<body onload=xss(N)>",
            "<iframe src=\"javascript:xss(N)\"></iframe>",
            "<iframe srcdoc=\"<script>parent.xss(N)</script>\"></iframe>",
            "<a href=\"javascript:xss(N)\">click</a>",
            "<a href=JaVaScRiPt:xss(N)>x</a>",
            "<details open ontoggle=xss(N)>",
            "<input autofocus onfocus=xss(N)>",
            "<select autofocus onfocus=xss(N)>",
            "<textarea autofocus onfocus=xss(N)>",
            "<video><source onerror=xss(N)></video>",
            "<audio src=x onerror=xss(N)>",
            "<object data=\"javascript:xss(N)\">",
            "<embed src=\"javascript:xss(N)\">",
            "<math><mtext><table><mglyph><style><img src=x onerror=xss(N)>",
            "<marquee onstart=xss(N)>",
            "<div onmouseover=xss(N)>hover</div>",
            "<link rel=stylesheet href=javascript:xss(N)>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:xss(N)\">",
            "<base href=\"javascript:xss(N)//\">",
            "<form action=\"javascript:xss(N)\"><button>go</button></form>",
            "<button formaction=javascript:xss(N)>go</button>",
            "<isindex action=javascript:xss(N) type=image>",
            "<img src=x:x onerror=&#x78;ss(N)>",
            "<img src=x onerror=\"&#120;&#115;&#115;(N)\">",
            "<scr<script>ipt>xss(N)</scr</script>ipt>",
            "<<script>script>xss(N)<</script>/script>",
            "<img \"\"\"><script>xss(N)</script>\">",
            "<IMG SRC=javascript:xss(N)>",
            "<svg/onload=xss(N)//",
            "<img src=x onerror=xss(N)//",
            "<noscript><p title=\"</noscript><img src=x onerror=xss(N)>\">",
            "<x contenteditable autofocus onfocus=xss(N)>focus",
            "<svg><animate onbegin=xss(N) attributename=x dur=1s>", // lower case: "N" is the number
            "<svg><a xlink:href=\"javascript:xss(N)\"><text x=20 y=20>x</text></a></svg>",
            "<img srcset=\",,,,,x\" onerror=xss(N)>",
            "<object data=\"data:text/html,<script>parent.xss(N)</script>\">",
            "<iframe src=\"data:text/html,<script>parent.xss(N)</script>\">",
            "<a href=\"data:text/html;base64,PHNjcmlwdD54c3MoMSk8L3NjcmlwdD4=\">d</a>",
            "javascript:xss(N)",
            "jAvAsCrIpT:xss(N)//",
            "<image src=x onerror=xss(N)>",
            "<body onpageshow=xss(N)>",
            "<style onload=xss(N)></style>",
            // breaking out of attributes, elements and scripts
            "\"><script>xss(N)</script>",
            "'><script>xss(N)</script>",
            "\" onmouseover=\"xss(N)\" x=\"",
            "' onfocus='xss(N)' autofocus x='",
            "\" autofocus onfocus=xss(N) x=\"",
            "\"><img src=x onerror=xss(N)>",
            "</title><script>xss(N)</script>",
            "</textarea><script>xss(N)</script>",
            "</script><script>xss(N)</script>",
            "</style><script>xss(N)</script>",
            "--><script>xss(N)</script><!--",
            "]]><script>xss(N)</script>",
            "\"/><svg onload=xss(N)>",
            "`-xss(N)-`",
            "';xss(N);//",
            "\";xss(N);//",
            "\\\";xss(N);//",
            "</a><a href=\"javascript:xss(N)\">",
            "<meta property=\"og:title\" content=\"x\"><script>xss(N)</script>",
            "</option></select><img src=x onerror=xss(N)>",
            "</label><img src=x onerror=xss(N)>",
            // Thymeleaf: preprocessing, inlining and expressions must stay text
            "__${T(java.lang.System).setProperty('sparkfeed.xss','N')}__",
            "__${T(java.lang.Runtime).getRuntime().exec('touch /tmp/sparkfeed-xssN')}__",
            "[[${T(java.lang.System).setProperty('sparkfeed.xss','N')}]]",
            "[(${T(java.lang.System).setProperty('sparkfeed.xss','N')})]",
            "[[${'xss'+'evaluated'}]]",
            "[(${'xss'+'evaluated'})]",
            "__${'xss'+'evaluated'}__",
            "__*{'xss'+'evaluated'}__",
            "*{T(java.lang.System).setProperty('sparkfeed.xss','N')}",
            "@{'javascript:xss(N)'}",
            "~{::script}",
            "${T(java.lang.System).setProperty('sparkfeed.xss','N')}",
            "[(${'<script>xss(N)</script>'})]",
            "<th:block th:utext=\"'<script>xss(N)</script>'\"/>",
            "<p th:text=\"${T(java.lang.System).setProperty('sparkfeed.xss','N')}\">",
            "{{constructor.constructor('xss(N)')()}}",
            "${xss(N)}",
            // htmx attributes must never come alive
            "<div hx-get=\"/xss-hx-N\" hx-trigger=\"load\">",
            "<img src=x hx-on:error=\"xss(N)\">",
            "<div hx-on::load=\"xss(N)\">",
            "<div hx-on=\"htmx:load: xss(N)\">",
            "<a hx-post=\"/logout\" hx-trigger=\"load\">xss-hx-N</a>",
            "<div data-hx-get=\"/xss-hx-N\" data-hx-trigger=\"load\">",
            "<div hx-trigger=\"load\" hx-get=\"/xss-hx-N\" hx-swap=\"outerHTML\">",
            "\" hx-get=\"/xss-hx-N\" hx-trigger=\"load\" x=\"",
            "<form hx-post=\"/me/logout-everywhere\" hx-trigger=\"load\">xss-hx-N</form>",
            "<div hx-vals='js:{a:xss(N)}' hx-get=\"/xss-hx-N\" hx-trigger=\"load\">",
            "<div _=\"on load call xss(N)\">",
            "<div x-init=\"xss(N)\">",
            // CSS and style
            "<div style=\"background-image:url(javascript:xss(N))\">",
            "<div style=\"width:expression(xss(N))\">",
            "<style>body{background:url(\"javascript:xss(N)\")}</style>",
            "<style>*{display:none}</style>",
            "\" style=\"position:fixed;top:0;left:0;width:100%;height:100%\" onmouseover=\"xss(N)",
            "<link rel=\"import\" href=\"data:text/html,<script>xss(N)</script>\">",
            // template- and markdown-like forms, hashtags, mentions, pre-encoded text
            "[click](javascript:xss(N))",
            "![x](x\" onerror=\"xss(N))",
            "<a href=\"#\" onclick=\"xss(N)\">[link]</a>",
            "{{7*7}} {{xss(N)}}",
            "<%= xss(N) %>",
            "#<img/src=x/onerror=xss(N)>",
            "#\"onmouseover=xss(N)\"",
            "#tag<script>xss(N)</script>",
            "@admin<script>xss(N)</script>",
            "%3Cscript%3Exss(N)%3C%2Fscript%3E",
            "&lt;script&gt;xss(N)&lt;/script&gt;",
            "\\u003cscript\\u003exss(N)\\u003c/script\\u003e",
            "<scr\u0130pt>xss(N)</scr\u0130pt>");

    /** The payloads, each numbered so that one that runs says which it was. */
    static final List<String> ALL = IntStream.range(0, TEMPLATES.size())
            .mapToObj(i -> TEMPLATES.get(i).replace("N", String.valueOf(i + 1)))
            .toList();

    private XssPayloads() {}

    /**
     * The payloads packed, in order and whole, into values of at most {@code max} characters (a payload longer than
     * that is left out of this field: the field refuses it anyway).
     */
    static List<String> packed(int max) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        for (String payload : ALL) {
            if (payload.length() > max) {
                continue;
            }
            if (!value.isEmpty() && value.length() + 1 + payload.length() > max) {
                values.add(value.toString());
                value.setLength(0);
            }
            value.append(value.isEmpty() ? "" : " ").append(payload);
        }
        if (!value.isEmpty()) {
            values.add(value.toString());
        }
        return values;
    }
}
