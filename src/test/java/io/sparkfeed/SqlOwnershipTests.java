package io.sparkfeed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Module boundaries for SQL, which Spring Modulith cannot see: every table of the schema has one owning module
 * (the "tables it owns" column of docs/architecture.md), and a module's SQL (the string literals of its Java
 * code and its {@code .sql} resources) names only its own tables, the views other modules publish and the few
 * reads the architecture declares. A module writes only its own tables.
 */
class SqlOwnershipTests {

    private static final Path ARCHITECTURE = Path.of("docs", "architecture.md");
    private static final Path MIGRATIONS = Path.of("src", "main", "resources", "db", "migration");
    private static final Path JAVA = Path.of("src", "main", "java", "io", "sparkfeed");
    private static final Path RESOURCES = Path.of("src", "main", "resources");

    /** In a declared read, stands for every table: the offline bulk loader that writes every module's tables. */
    private static final String EVERY_TABLE = "*";

    private static final Pattern BACKTICKED = Pattern.compile("`([a-z_][a-z0-9_]*|\\*)`");
    private static final Pattern MIGRATION = Pattern.compile("V(\\d+)__.*\\.sql");
    private static final Pattern DDL = Pattern.compile(
            "\\b(create\\s+(?:or\\s+replace\\s+)?(?:table|view|materialized\\s+view)(?:\\s+if\\s+not\\s+exists)?"
                    + "|drop\\s+(?:table|view|materialized\\s+view)(?:\\s+if\\s+exists)?)\\s+([a-z_][a-z0-9_]*)"
                    + "|\\balter\\s+table\\s+(?:if\\s+exists\\s+)?([a-z_][a-z0-9_]*)"
                    + "\\s+rename\\s+to\\s+([a-z_][a-z0-9_]*)");
    /** A relation named after a keyword. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b(from|join|update|into|using|truncate|table)\\s+(?:only\\s+)?([a-z_][a-z0-9_]*)");
    /** The next relation of a FROM list ({@code from posts p, comments c}), after the previous one's alias. */
    private static final Pattern LISTED = Pattern.compile("(?:\\s+(?:as\\s+)?(?!(?:where|join|left|inner|cross"
            + "|on|order|group|limit|offset|union|set|for|natural|full|right|using|returning)\\b)[a-z_][a-z0-9_]*)?"
            + "\\s*,\\s*([a-z_][a-z0-9_]*)");
    /**
     * A table name concatenated or formatted in, which no scan can check (a grant or revoke ends with a role's name,
     * and a word alone is a parameter's name).
     */
    private static final Pattern DYNAMIC =
            Pattern.compile("^(?!grant\\b|revoke\\b).*\\s(from|join|update|into)\\s*(%[0-9$]*s|$)", Pattern.DOTALL);

    private final Architecture architecture = Architecture.read();
    private final Schema schema = Schema.read();

    @Test
    void everyTableOfTheSchemaHasExactlyOneOwner() {
        Map<String, List<String>> owners = new TreeMap<>();
        architecture.owned.forEach((module, tables) -> tables.forEach(
                table -> owners.computeIfAbsent(table, t -> new ArrayList<>()).add(module)));
        architecture.views.forEach((view, owner) ->
                owners.computeIfAbsent(view, t -> new ArrayList<>()).add(owner));
        assertThat(owners)
                .as("relations with more than one owner in %s", ARCHITECTURE)
                .allSatisfy((table, modules) -> assertThat(modules).as(table).hasSize(1));
        assertThat(new TreeSet<>(schema.tables))
                .as("tables of the migrations without an owner in %s", ARCHITECTURE)
                .isSubsetOf(owners.keySet());
        assertThat(new TreeSet<>(schema.views))
                .as("views of the migrations not listed in %s", ARCHITECTURE)
                .isSubsetOf(architecture.views.keySet());
        assertThat(owners.keySet())
                .as("relations in %s that no migration creates", ARCHITECTURE)
                .isSubsetOf(schema.relations());
        assertThat(architecture.views.keySet())
                .as("views in %s that are tables", ARCHITECTURE)
                .isSubsetOf(schema.views);
    }

    @Test
    void aModuleNamesOnlyItsTablesPublishedViewsAndDeclaredReads() {
        List<String> breaches = new ArrayList<>();
        for (Source source : sources()) {
            String module = source.module();
            assertThat(architecture.owned)
                    .as("%s is in a module that %s does not list", source.path(), ARCHITECTURE)
                    .containsKey(module);
            Set<String> owned = architecture.owned.get(module);
            Set<String> declared = architecture.reads.getOrDefault(module, Set.of());
            for (String sql : source.sql()) {
                String text = sql.toLowerCase();
                if (!declared.contains(EVERY_TABLE)
                        && DYNAMIC.matcher(text.strip()).find()) {
                    breaches.add(source.path() + ": a table name is put together at run time, so it cannot be"
                            + " checked; write it in the SQL: " + abbreviated(sql));
                }
                for (Reference reference : references(text)) {
                    String table = reference.table();
                    if (!schema.relations().contains(table)
                            || owned.contains(table)
                            || declared.contains(EVERY_TABLE)) {
                        continue;
                    }
                    if (reference.write()) {
                        breaches.add(source.path() + ": module " + module + " writes " + table + ", which "
                                + ownerOf(table) + " owns: ask the owner's API");
                    } else if (!architecture.views.containsKey(table) && !declared.contains(table)) {
                        breaches.add(source.path() + ": module " + module + " reads " + table + ", which "
                                + ownerOf(table) + " owns: read the owner's API or a view it publishes");
                    }
                }
            }
        }
        assertThat(breaches)
                .as("SQL outside its module's tables (see %s)", ARCHITECTURE)
                .isEmpty();
    }

    @Test
    void theScanFindsTablesInEveryFormOfStatement() {
        String sql = """
                select a.id from accounts a, comments c join posts p on p.author_id = a.id
                where exists (select 1 from smiles s) and p.id in (select post_id from post_tags)""";
        assertThat(references(sql))
                .extracting(Reference::table)
                .containsExactlyInAnyOrder("accounts", "posts", "comments", "smiles", "post_tags");
        assertThat(references("insert into orders (id) select id from cart_lines"))
                .containsExactlyInAnyOrder(new Reference("orders", true), new Reference("cart_lines", false));
        assertThat(references("update posts set x = 1")).containsExactly(new Reference("posts", true));
        assertThat(references("delete from smiles s using posts p where p.id = s.post_id"))
                .containsExactlyInAnyOrder(new Reference("smiles", true), new Reference("posts", false));
        String java = "class A { String a = \"select 1 from posts\"; // \"from comments\"\n"
                + "  /* \"from smiles\" */ char q = '\"'; String b = \"\"\"\n    update orders set x = 1\"\"\"; }";
        assertThat(literals(java)).containsExactly("select 1 from posts", "    update orders set x = 1");
        assertThat(DYNAMIC.matcher("select id from").find()).isTrue();
        assertThat(DYNAMIC.matcher("select id from %s t").find()).isTrue();
        assertThat(DYNAMIC.matcher("from").find()).isFalse();
        assertThat(DYNAMIC.matcher("/prime/join").find()).isFalse();
        assertThat(DYNAMIC.matcher("revoke update on audit_entries from").find())
                .isFalse();
    }

    private String ownerOf(String table) {
        return architecture.owned.entrySet().stream()
                .filter(e -> e.getValue().contains(table))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(architecture.views.getOrDefault(table, "no module"));
    }

    private static String abbreviated(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() > 100 ? line.substring(0, 100) + "…" : line;
    }

    record Reference(String table, boolean write) {}

    static Set<Reference> references(String sql) {
        Set<Reference> found = new LinkedHashSet<>();
        Matcher m = REFERENCE.matcher(sql);
        while (m.find()) {
            String keyword = m.group(1);
            String preceding = sql.substring(0, m.start()).stripTrailing();
            boolean write = switch (keyword) {
                case "update", "into", "truncate", "table" -> true;
                case "from" -> preceding.endsWith("delete");
                default -> false;
            };
            if (keyword.equals("table") && !preceding.endsWith("truncate")) {
                continue; // "create table" and "alter table" belong in migrations, which this scan leaves alone
            }
            found.add(new Reference(m.group(2), write));
            Matcher listed = LISTED.matcher(sql).region(m.end(), sql.length());
            while (listed.lookingAt()) {
                found.add(new Reference(listed.group(1), false));
                listed.region(listed.end(), sql.length());
            }
        }
        return found;
    }

    /** The string literals and text blocks of Java source, without its comments and character literals. */
    static List<String> literals(String java) {
        List<String> literals = new ArrayList<>();
        int i = 0;
        while (i < java.length()) {
            if (java.startsWith("//", i)) {
                int end = java.indexOf('\n', i);
                i = end < 0 ? java.length() : end;
            } else if (java.startsWith("/*", i)) {
                i = java.indexOf("*/", i + 2) + 2;
            } else if (java.startsWith("\"\"\"", i)) {
                int end = java.indexOf("\"\"\"", i + 3);
                while (java.charAt(end - 1) == '\\') {
                    end = java.indexOf("\"\"\"", end + 1);
                }
                literals.add(java.substring(java.indexOf('\n', i) + 1, end));
                i = end + 3;
            } else if (java.charAt(i) == '"' || java.charAt(i) == '\'') {
                char quote = java.charAt(i);
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (java.charAt(j) != quote) {
                    if (java.charAt(j) == '\\') {
                        literal.append(java.charAt(j++));
                    }
                    literal.append(java.charAt(j++));
                }
                if (quote == '"') {
                    literals.add(literal.toString());
                }
                i = j + 1;
            } else {
                i++;
            }
        }
        return literals;
    }

    /** Java sources by their module's package, and named SQL resources by their first folder. */
    record Source(Path path, String module, List<String> sql) {}

    private static List<Source> sources() {
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> java = Files.walk(JAVA);
                Stream<Path> sql = Files.walk(RESOURCES)) {
            java.filter(p -> p.toString().endsWith(".java") && p.getParent().compareTo(JAVA) != 0)
                    .forEach(p -> sources.add(
                            new Source(p, JAVA.relativize(p).getName(0).toString(), literals(read(p)))));
            sql.filter(p -> p.toString().endsWith(".sql") && !p.startsWith(MIGRATIONS))
                    .forEach(p -> sources.add(new Source(
                            p,
                            RESOURCES.relativize(p).getName(0).toString(),
                            List.of(read(p).replaceAll("--[^\n]*", "")))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables and views the migrations leave, replayed in version order. */
    record Schema(Set<String> tables, Set<String> views) {

        Set<String> relations() {
            Set<String> all = new TreeSet<>(tables);
            all.addAll(views);
            return all;
        }

        static Schema read() {
            Set<String> tables = new TreeSet<>();
            Set<String> views = new TreeSet<>();
            try (Stream<Path> files = Files.list(MIGRATIONS)) {
                List<Path> ordered = files.filter(p ->
                                MIGRATION.matcher(p.getFileName().toString()).matches())
                        .sorted(Comparator.comparingInt(SqlOwnershipTests::version))
                        .toList();
                for (Path file : ordered) {
                    Matcher m = DDL.matcher(
                            SqlOwnershipTests.read(file).toLowerCase().replaceAll("--[^\n]*", ""));
                    while (m.find()) {
                        if (m.group(1) == null) {
                            tables.remove(m.group(3));
                            tables.add(m.group(4));
                        } else if (m.group(1).startsWith("drop")) {
                            tables.remove(m.group(2));
                            views.remove(m.group(2));
                        } else if (m.group(1).contains("view")) {
                            views.add(m.group(2));
                        } else {
                            tables.add(m.group(2));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Schema(tables, views);
        }
    }

    private static int version(Path migration) {
        Matcher m = MIGRATION.matcher(migration.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * What docs/architecture.md declares: each module's tables (its row of "The modules"), the views modules
     * publish for others to read ("Views other modules read") and the declared reads ("Declared reads").
     */
    record Architecture(Map<String, Set<String>> owned, Map<String, String> views, Map<String, Set<String>> reads) {

        static Architecture read() {
            Map<String, Set<String>> owned = new TreeMap<>();
            Map<String, String> views = new TreeMap<>();
            Map<String, Set<String>> reads = new HashMap<>();
            String section = "";
            for (String line : SqlOwnershipTests.read(ARCHITECTURE).lines().toList()) {
                if (line.startsWith("#")) {
                    section = line.replaceFirst("^#+\\s*", "").strip();
                    continue;
                }
                if (!line.startsWith("| `")) {
                    continue;
                }
                String[] cells = line.split("\\|");
                String first = names(cells[1]).iterator().next();
                switch (section) {
                    case "The modules" -> owned.put(first, names(cells[3]));
                    case "Views other modules read" ->
                        views.put(first, names(cells[2]).iterator().next());
                    case "Declared reads" -> reads.put(first, names(cells[2]));
                    default -> {}
                }
            }
            assertThat(owned).as("the modules table of %s", ARCHITECTURE).isNotEmpty();
            return new Architecture(owned, views, reads);
        }

        private static Set<String> names(String cell) {
            Set<String> names = new TreeSet<>();
            Matcher m = BACKTICKED.matcher(cell);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
