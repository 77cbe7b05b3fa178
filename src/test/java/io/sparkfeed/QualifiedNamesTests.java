package io.sparkfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Code under src/main/java names classes through imports, not inline fully qualified names (imports, package
 * lines, comments and string literals do not count). The one exception: a class whose simple name is already
 * taken in that file (imported from elsewhere, declared there, or a class of the same package) stays qualified.
 */
class QualifiedNamesTests {

    private static final Path MAIN = Path.of("src/main/java");

    private static final Pattern QUALIFIED =
            Pattern.compile("(?<![\\w.$])((?:java|javax|jakarta|org|com|io|net)(?:\\.[a-z][a-z0-9_]*)+)\\.([A-Z]\\w*)");
    private static final Pattern IMPORT = Pattern.compile("(?m)^import\\s+([\\w.]+)\\.(\\w+);");
    private static final Pattern DECLARED = Pattern.compile("\\b(?:class|record|interface|enum)\\s+(\\w+)");

    @Test
    void codeUsesImportsNotInlineQualifiedNames() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                found.addAll(inlineQualifiedNames(file));
            }
        }
        assertThat(found).as("inline fully qualified class names: import them").isEmpty();
    }

    @Test
    void theScanSeesCodeAndNothingElse() {
        String source = """
                package io.sparkfeed.x;
                import java.util.List;
                /** Uses {@link java.util.Map}. */
                class A {
                    // java.util.Set
                    String sql = "io.sparkfeed.accounts.Plan.TRIAL";
                    char c = '"';
                    java.time.Duration d;
                    @org.springframework.stereotype.Service Object s;
                }
                """;
        assertThat(qualifiedInCode(source))
                .containsExactly("java.time.Duration", "org.springframework.stereotype.Service");
    }

    private static List<String> inlineQualifiedNames(Path file) throws IOException {
        String source = Files.readString(file);
        Map<String, String> imported = new HashMap<>();
        Matcher imports = IMPORT.matcher(source);
        while (imports.find()) {
            imported.put(imports.group(2), imports.group(1) + "." + imports.group(2));
        }
        List<String> names = new ArrayList<>();
        for (String qualified : qualifiedInCode(source)) {
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            boolean taken =
                    (imported.containsKey(simple) && !imported.get(simple).equals(qualified))
                            || Files.exists(file.resolveSibling(simple + ".java"))
                            || DECLARED.matcher(source)
                                    .results()
                                    .anyMatch(m -> m.group(1).equals(simple));
            if (!taken) {
                names.add(MAIN.relativize(file) + ": " + qualified);
            }
        }
        return names;
    }

    /** The qualified names in code: outside comments, string and char literals, imports and the package line. */
    private static List<String> qualifiedInCode(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end;
            if (source.startsWith("//", i)) {
                end = endOr(source, source.indexOf('\n', i), 0);
            } else if (source.startsWith("/*", i)) {
                end = endOr(source, source.indexOf("*/", i + 2), 2);
            } else if (source.startsWith("\"\"\"", i)) {
                end = endOr(source, source.indexOf("\"\"\"", i + 3), 3);
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                end = i + 1;
                while (end < source.length() && source.charAt(end) != source.charAt(i)) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, source.length());
            } else {
                code.append(source.charAt(i++));
                continue;
            }
            code.append(source.substring(i, end).replaceAll("[^\n]", " "));
            i = end;
        }
        List<String> names = new ArrayList<>();
        for (String line : code.toString().split("\n")) {
            if (line.strip().startsWith("import ") || line.strip().startsWith("package ")) {
                continue;
            }
            Matcher matcher = QUALIFIED.matcher(line);
            while (matcher.find()) {
                names.add(matcher.group(1) + "." + matcher.group(2));
            }
        }
        return names;
    }

    private static int endOr(String source, int found, int length) {
        return found < 0 ? source.length() : found + length;
    }
}
