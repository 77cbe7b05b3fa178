package io.sparkfeed.posts;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds #hashtags in a caption, and splits a caption into text and hashtag parts for linking. */
public final class Hashtags {

    static final Pattern HASHTAG = Pattern.compile("#([\\p{L}\\p{N}_]{1,100})");

    private Hashtags() {}

    /** The distinct hashtags of a text, lower-cased, without the #. */
    public static Set<String> in(String text) {
        Set<String> tags = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = HASHTAG.matcher(text);
            while (m.find()) {
                tags.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tags;
    }

    /** How many distinct hashtags a text has, counting no further than {@code atMost}. */
    public static int count(String text, int atMost) {
        Set<String> tags = new HashSet<>();
        if (text != null) {
            Matcher m = HASHTAG.matcher(text);
            while (tags.size() < atMost && m.find()) {
                tags.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return tags.size();
    }

    /** A piece of a caption: plain text, or a hashtag (then {@code tag} is its lower-cased name). */
    public record Part(String text, String tag) {}

    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return parts;
        }
        Matcher m = HASHTAG.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                parts.add(new Part(text.substring(last, m.start()), null));
            }
            parts.add(new Part(m.group(), m.group(1).toLowerCase(Locale.ROOT)));
            last = m.end();
        }
        if (last < text.length()) {
            parts.add(new Part(text.substring(last), null));
        }
        return parts;
    }

    /** A hashtag as typed in a URL or search: without #, lower-cased; null when it is not a hashtag. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String tag = raw.strip();
        if (tag.startsWith("#")) {
            tag = tag.substring(1);
        }
        return tag.matches("[\\p{L}\\p{N}_]{1,100}") ? tag.toLowerCase(Locale.ROOT) : null;
    }
}
