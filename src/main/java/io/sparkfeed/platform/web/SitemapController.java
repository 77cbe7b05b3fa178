package io.sparkfeed.platform.web;

import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.PublicUrl;
import io.sparkfeed.platform.SitemapSection;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * What crawlers read first: {@code /robots.txt} (which routes to leave alone, and where the sitemap is), the sitemap
 * index {@code /sitemap.xml} and its pages {@code /sitemap-<section>.xml?page=<key>}, each made of the sections the
 * modules declare ({@link SitemapSection}). Pages are written to the response while their rows are read, and are
 * public for an hour to caches.
 */
@Controller
class SitemapController {

    static final String NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /** Routes that are someone's own, a form, or the team's: no use to a search engine. */
    static final List<String> DISALLOWED = List.of(
            "/admin",
            "/cart",
            "/checkout",
            "/orders",
            "/notifications",
            "/me/",
            "/following",
            "/posts/new",
            "/posts/*/edit",
            "/report",
            "/enthusiasts/",
            "/logout",
            "/login/");

    private static final CacheControl AN_HOUR =
            CacheControl.maxAge(Duration.ofHours(1)).cachePublic();

    private final Map<String, SitemapSection> sections;
    private final PublicUrl publicUrl;
    private final XMLOutputFactory xml = XMLOutputFactory.newFactory();

    SitemapController(List<SitemapSection> sections, PublicUrl publicUrl) {
        this.sections = sections.stream()
                .collect(Collectors.toMap(
                        SitemapSection::name,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("two sitemap sections named " + a.name());
                        },
                        LinkedHashMap::new));
        this.publicUrl = publicUrl;
    }

    @GetMapping("/robots.txt")
    void robots(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var text = new StringBuilder("User-agent: *\n");
        DISALLOWED.forEach(path -> text.append("Disallow: ").append(path).append('\n'));
        text.append("Allow: /\n\nSitemap: ")
                .append(publicUrl.of(request, "/sitemap.xml"))
                .append('\n');
        cacheable(response, "text/plain;charset=UTF-8");
        response.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/sitemap.xml")
    void index(HttpServletRequest request, HttpServletResponse response) throws IOException, XMLStreamException {
        String base = publicUrl.base(request);
        cacheable(response, "application/xml;charset=UTF-8");
        XMLStreamWriter out = start(response.getOutputStream(), "sitemapindex");
        for (SitemapSection section : sections.values()) {
            for (String page : section.pages()) {
                out.writeStartElement("sitemap");
                element(
                        out,
                        "loc",
                        base + "/sitemap-" + section.name() + ".xml?page="
                                + UriUtils.encodeQueryParam(page, StandardCharsets.UTF_8));
                out.writeEndElement();
            }
        }
        end(out);
    }

    @GetMapping("/sitemap-{section}.xml")
    void page(
            @PathVariable String section,
            @RequestParam(name = "page", defaultValue = "") String page,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException, XMLStreamException {
        SitemapSection found = sections.get(section);
        if (found == null || !found.isPage(page)) {
            throw new NotFoundException("sitemap " + section + " " + page);
        }
        String base = publicUrl.base(request);
        cacheable(response, "application/xml;charset=UTF-8");
        XMLStreamWriter out = start(response.getOutputStream(), "urlset");
        try {
            found.write(page, url -> {
                try {
                    out.writeStartElement("url");
                    element(out, "loc", base + url.path());
                    if (url.lastModified() != null) {
                        element(
                                out,
                                "lastmod",
                                DateTimeFormatter.ISO_INSTANT.format(
                                        url.lastModified().truncatedTo(ChronoUnit.SECONDS)));
                    }
                    out.writeEndElement();
                } catch (XMLStreamException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof XMLStreamException cause) {
                throw cause;
            }
            throw e;
        }
        end(out);
    }

    private static void cacheable(HttpServletResponse response, String type) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CACHE_CONTROL, AN_HOUR.getHeaderValue());
    }

    private XMLStreamWriter start(OutputStream body, String root) throws XMLStreamException {
        XMLStreamWriter out = xml.createXMLStreamWriter(body, "UTF-8");
        out.writeStartDocument("UTF-8", "1.0");
        out.writeStartElement(root);
        out.writeDefaultNamespace(NAMESPACE);
        return out;
    }

    private static void element(XMLStreamWriter out, String name, String text) throws XMLStreamException {
        out.writeStartElement(name);
        out.writeCharacters(text);
        out.writeEndElement();
    }

    private static void end(XMLStreamWriter out) throws XMLStreamException {
        out.writeEndElement();
        out.writeEndDocument();
        out.close();
    }
}
