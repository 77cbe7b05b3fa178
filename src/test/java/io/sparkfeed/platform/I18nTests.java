package io.sparkfeed.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing text comes from messages.properties and messages_fr.properties: both files hold the same
 * keys, every key the templates and the code use exists, and no template carries text of its own.
 */
class I18nTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", name))) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        Set<String> english = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> french = new TreeSet<>(load("messages_fr.properties").stringPropertyNames());
        assertThat(french).as("keys missing in messages_fr.properties").containsAll(english);
        assertThat(english).as("keys missing in messages.properties").containsAll(french);
    }

    /**
     * Every message goes through MessageFormat ({@code spring.messages.always-use-message-format}), where a lone
     * apostrophe starts a quoted section and disappears ("S'inscrire" shows as "Sinscrire"): it must be doubled.
     */
    @Test
    void everyApostropheIsDoubledForMessageFormat() throws IOException {
        Pattern lone = Pattern.compile("(?<!')'(?!')");
        for (String file : List.of("messages.properties", "messages_fr.properties")) {
            Properties messages = load(file);
            List<String> wrong = messages.stringPropertyNames().stream()
                    .sorted()
                    .filter(name -> lone.matcher(messages.getProperty(name).replace("''", ""))
                            .find())
                    .toList();
            assertThat(wrong).as("messages with a lone ' in " + file).isEmpty();
        }
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern key = Pattern.compile("#\\{([A-Za-z0-9_.]+)");
        List<String> missing = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!english.containsKey(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyTheCodeNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Set<String> prefixes = new TreeSet<>();
        english.stringPropertyNames()
                .forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Pattern literal = Pattern.compile("\"\\{?([a-z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)}?\"");
        List<String> missing = new ArrayList<>();
        for (Path source : files(JAVA, ".java")) {
            Matcher m = literal.matcher(Files.readString(source));
            while (m.find()) {
                String candidate = m.group(1);
                String prefix = candidate.substring(0, candidate.indexOf('.'));
                if (prefixes.contains(prefix) && !english.containsKey(candidate)) {
                    missing.add(JAVA.relativize(source) + ": " + candidate);
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesCarryNoTextOfTheirOwn() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : files(TEMPLATES, ".html")) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.htmlParser());
            for (Element element : document.getAllElements()) {
                String name = element.normalName();
                if (name.equals("script")
                        || name.equals("style")
                        || replacedByThymeleaf(element)
                        || element.hasAttr("lang")) {
                    continue;
                }
                String own = element.ownText();
                if (own.codePoints().anyMatch(Character::isLetter)) {
                    problems.add(TEMPLATES.relativize(template) + ": <" + name + "> \"" + own.strip() + "\"");
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    String value = element.attr(attribute);
                    boolean input = name.equals("input") || name.equals("option") || name.equals("button");
                    if (attribute.equals("value") && input) {
                        continue; // form values are data, not text
                    }
                    if (value.codePoints().anyMatch(Character::isLetter)) {
                        problems.add(TEMPLATES.relativize(template) + ": <" + name + " " + attribute + "=\"" + value
                                + "\">");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Text inside an element whose content Thymeleaf replaces is only a placeholder for designers. A page's
     * {@code <html th:replace="~{layout/main :: page(...)}">} is not such an element: its content is shown, inside
     * the layout.
     */
    private static boolean replacedByThymeleaf(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.normalName().equals("html")) {
                return false;
            }
            for (String attribute : List.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors")) {
                if (e.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }
}
