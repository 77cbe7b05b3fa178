package io.sparkfeed.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What PostgreSQL did to run one statement: {@code EXPLAIN (ANALYZE, FORMAT JSON)} of it, read as the tables it
 * scanned sequentially and the rows its scans read. Rows and loops, not timings: the same data gives the same plan.
 */
public final class QueryPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private QueryPlan(JsonNode root) {
        this.root = root;
    }

    public static QueryPlan of(JdbcClient db, String sql, Map<String, ?> params) {
        String json = db.sql("explain (analyze, format json) " + sql)
                .params(params)
                .query(String.class)
                .single();
        return new QueryPlan(JSON.readTree(json).get(0).get("Plan"));
    }

    /** The tables among {@code tables} that some node reads with a sequential scan. */
    public List<String> sequentialScansOf(Set<String> tables) {
        return scansOf("Seq Scan", tables);
    }

    /**
     * The tables among {@code tables} that some node reads by bitmap: every matching row, in the table's order, so
     * a newest-first page cannot stop early.
     */
    public List<String> bitmapScansOf(Set<String> tables) {
        return scansOf("Bitmap Heap Scan", tables);
    }

    private List<String> scansOf(String nodeType, Set<String> tables) {
        List<String> found = new ArrayList<>();
        walk(root, node -> {
            if (nodeType.equals(node.path("Node Type").asString())
                    && tables.contains(node.path("Relation Name").asString())) {
                found.add(node.path("Relation Name").asString());
            }
        });
        return found;
    }

    /** Rows the scans of the plan read: those they returned and those their filters removed, in every loop. */
    public long rowsRead() {
        long[] rows = new long[1];
        walk(root, node -> {
            if (node.has("Relation Name")) {
                long perLoop = node.path("Actual Rows").asLong()
                        + node.path("Rows Removed by Filter").asLong()
                        + node.path("Rows Removed by Index Recheck").asLong();
                rows[0] += perLoop * Math.max(1, node.path("Actual Loops").asLong());
            }
        });
        return rows[0];
    }

    /**
     * The plan's nodes, top down, named as {@code EXPLAIN} names them: {@code Limit},
     * {@code Index Scan using orders_unpaid_idx on orders}.
     */
    public List<String> nodes() {
        List<String> nodes = new ArrayList<>();
        walk(root, node -> {
            StringBuilder name = new StringBuilder(node.path("Node Type").asString());
            if (node.has("Index Name")) {
                name.append(" using ").append(node.path("Index Name").asString());
            }
            if (node.has("Relation Name")) {
                name.append(" on ").append(node.path("Relation Name").asString());
            }
            nodes.add(name.toString());
        });
        return nodes;
    }

    /** The rows the statement returned. */
    public long rowsReturned() {
        return root.path("Actual Rows").asLong();
    }

    @Override
    public String toString() {
        return root.toPrettyString();
    }

    private static void walk(JsonNode node, Consumer<JsonNode> visit) {
        visit.accept(node);
        for (JsonNode child : node.path("Plans")) {
            walk(child, visit);
        }
    }
}
