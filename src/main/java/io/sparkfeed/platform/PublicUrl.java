package io.sparkfeed.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The site's absolute address, for what leaves the site with a link in it (robots.txt, sitemaps, structured data):
 * {@code sparkfeed.public-url} when set (what an instance behind a proxy or a CDN should do, so a request's Host
 * header never ends up in a cached sitemap), otherwise the address the request came to.
 */
@Component
public class PublicUrl {

    private final String configured;
    private final String local;

    PublicUrl(@Value("${sparkfeed.public-url:}") String configured, @Value("${server.port:8080}") int port) {
        this.configured = configured.isBlank() ? null : checked(configured.strip());
        this.local = "http://localhost:" + port;
    }

    /**
     * The base for links in what is written outside any request (a scheduled mail, a notification mailed by an event
     * listener): {@code sparkfeed.public-url}, or the instance's own local address when that is unset, which only
     * suits a trial on one machine.
     */
    public String base() {
        return configured != null ? configured : local;
    }

    /** The base, without a trailing slash: {@code https://sparkfeed.example}. */
    public String base(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        return ServletUriComponentsBuilder.fromContextPath(request)
                .replaceQuery(null)
                .build()
                .toUriString();
    }

    /** An absolute URL for a path of the site ({@code /posts/1}). */
    public String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }

    /**
     * The oEmbed address of a page of the site ({@code /posts/1}), for its discovery link: other sites ask it for
     * the page's embeddable card.
     */
    public String oembed(HttpServletRequest request, String path) {
        String base = base(request);
        return base + "/oembed?url=" + UriUtils.encodeQueryParam(base + path, StandardCharsets.UTF_8) + "&format=json";
    }

    private static String checked(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("sparkfeed.public-url is not a URL: " + url, e);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
                || uri.getHost() == null
                || uri.getQuery() != null
                || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "sparkfeed.public-url must be an http(s) address without query or fragment: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
