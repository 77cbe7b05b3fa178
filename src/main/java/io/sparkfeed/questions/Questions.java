package io.sparkfeed.questions;

import io.sparkfeed.accounts.Accounts;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.posts.PurchasedProducts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asking and answering questions about products, and a product's questions page. Anyone signed in with a verified
 * address asks; only someone who bought the product through Sparkfeed or posted it answers, and the answer keeps the
 * badge that entitled them, decided when they answer (a later cancellation or takedown does not rewrite what was
 * true then, and the list reads the badge with the answer at no cost). Hidden questions and answers (a takedown)
 * are left out everywhere.
 */
@Service
public class Questions {

    public static final int QUESTION_MAX = 500;
    public static final int ANSWER_MAX = 1000;
    /** Answers shown under each question of a page. */
    public static final int ANSWERS_SHOWN = 20;
    /** How many of the product's posters (the newest) are told of a new question. */
    public static final int POSTERS_TOLD = 50;

    private final JdbcClient jdbc;
    private final Catalog catalog;
    private final Accounts accounts;
    private final ObjectProvider<PurchasedProducts> purchases;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Questions(
            JdbcClient jdbc,
            Catalog catalog,
            Accounts accounts,
            ObjectProvider<PurchasedProducts> purchases,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.accounts = accounts;
        this.purchases = purchases;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Asks a question about a product, on its page ({@code fromPost} null) or on a visible post that tags it; the
     * product's posters are told. Refused with a message when the text is empty or too long.
     */
    @Transactional
    public long ask(long askerId, long productId, Long fromPost, String body) {
        String text = text(body, QUESTION_MAX, "questions.ask.required", "questions.ask.tooLong");
        catalog.get(productId);
        accounts.requireVerifiedEmail(askerId);
        if (fromPost != null && !tags(fromPost, productId)) {
            throw new NotFoundException("post " + fromPost + " tagging " + productId);
        }
        long id = jdbc.sql("""
                        insert into product_questions (product_id, post_id, author_id, body, created_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(productId, fromPost, askerId, text, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        String newestPosters = """
                select f.author_id from post_credits c join post_facts f on f.id = c.post_id
                where c.product_id = ? group by f.author_id order by max(f.created_at) desc limit ?""";
        List<Long> posters = jdbc.sql(newestPosters)
                .params(productId, POSTERS_TOLD)
                .query(Long.class)
                .list();
        events.publishEvent(new QuestionAsked(UUID.randomUUID(), id, productId, askerId, posters));
        return id;
    }

    /**
     * Answers a visible question. Only someone who bought the product (paid, not cancelled) or posted it (a visible
     * post tagging it) may; the answer keeps which. The asker is told.
     */
    @Transactional
    public long answer(long answererId, long questionId, String body) {
        String text = text(body, ANSWER_MAX, "questions.answer.required", "questions.answer.tooLong");
        Asked question = asked(questionId).orElseThrow(() -> new NotFoundException("question " + questionId));
        accounts.requireVerifiedEmail(answererId);
        AnswerBadge badge = badge(answererId, question.productId())
                .orElseThrow(() -> new UserFacingException("questions.answer.notAllowed"));
        long id = jdbc.sql("""
                        insert into product_answers (question_id, author_id, body, badge, created_at)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(questionId, answererId, text, badge.name(), Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        events.publishEvent(new QuestionAnswered(UUID.randomUUID(), id, questionId, answererId, question.authorId()));
        return id;
    }

    /** The badge this account would answer with about the product, or empty when it may not answer. */
    @Transactional(readOnly = true)
    public Optional<AnswerBadge> badge(long accountId, long productId) {
        PurchasedProducts source = purchases.getIfAvailable();
        if (source != null && !source.paidFor(accountId, List.of(productId)).isEmpty()) {
            return Optional.of(AnswerBadge.BOUGHT);
        }
        String postedIt = """
                select exists (select 1 from post_facts f join post_credits c on c.post_id = f.id
                               where f.author_id = ? and f.hidden_at is null and c.product_id = ?)""";
        boolean posted = jdbc.sql(postedIt)
                .params(accountId, productId)
                .query(Boolean.class)
                .single();
        return posted ? Optional.of(AnswerBadge.POSTED) : Optional.empty();
    }

    /** The product a visible question is about (the answer form's way back), or empty. */
    @Transactional(readOnly = true)
    public Optional<Long> productOf(long questionId) {
        return asked(questionId).map(Asked::productId);
    }

    private record Asked(long productId, long authorId) {}

    private Optional<Asked> asked(long questionId) {
        return jdbc.sql("select product_id, author_id from product_questions where id = ? and hidden_at is null")
                .param(questionId)
                .query((rs, n) -> new Asked(rs.getLong(1), rs.getLong(2)))
                .optional();
    }

    /** Whether a visible post tags the product (where a question may be asked from). */
    private boolean tags(long postId, long productId) {
        return jdbc.sql("select exists (select 1 from post_credits where post_id = ? and product_id = ?)")
                .params(postId, productId)
                .query(Boolean.class)
                .single();
    }

    private static String text(String body, int max, String emptyKey, String tooLongKey) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new UserFacingException(emptyKey);
        }
        if (text.length() > max) {
            throw new UserFacingException(tooLongKey);
        }
        return text;
    }

    /**
     * A newest-first page of the product's questions after the cursor, with their first answers: two statements
     * whatever the size (the questions from their index, then the answers of those questions, a short index range
     * each). A hidden question or answer is shown only to its author ({@code viewerId}, null for a visitor) and to
     * admins, marked, as comments are.
     */
    @Transactional(readOnly = true)
    public QuestionPage page(long productId, Long viewerId, boolean viewerIsAdmin, Cursor after, int size) {
        if (size < 1 || size > 50) {
            throw new IllegalArgumentException("page size " + size);
        }
        Statement page = questions(productId, viewerId, viewerIsAdmin, after, size);
        List<QuestionView> rows = jdbc.sql(page.sql())
                .params(page.params())
                .query(Questions::question)
                .list();
        boolean more = rows.size() > size;
        List<QuestionView> shown = more ? rows.subList(0, size) : rows;
        Map<Long, List<AnswerView>> answers = shown.isEmpty()
                ? Map.of()
                : answers(answers(shown.stream().map(QuestionView::id).toList(), viewerId, viewerIsAdmin));
        List<QuestionView> questions = shown.stream()
                .map(q -> new QuestionView(
                        q.id(),
                        q.productId(),
                        q.postId(),
                        q.authorId(),
                        q.authorHandle(),
                        q.authorName(),
                        q.body(),
                        q.at(),
                        q.hidden(),
                        q.hiddenReason(),
                        answers.getOrDefault(q.id(), List.of())))
                .toList();
        QuestionView last = questions.isEmpty() ? null : questions.get(questions.size() - 1);
        return new QuestionPage(questions, more ? new Cursor(last.at(), last.id()) : null);
    }

    /** One statement of the questions page and its named parameters (the plan tests run them as the page does). */
    record Statement(String sql, Map<String, Object> params) {}

    /** The page's questions from their index, newest first: one more than the size, to know whether more follow. */
    static Statement questions(long productId, Long viewerId, boolean viewerIsAdmin, Cursor after, int size) {
        Map<String, Object> params = viewer(viewerId, viewerIsAdmin);
        params.put("product", productId);
        params.put("limit", size + 1);
        String paged = "";
        if (after != null) {
            paged = " and (q.created_at, q.id) < (:afterTime, :afterId)";
            params.put("afterTime", Timestamp.from(after.createdAt()));
            params.put("afterId", after.id());
        }
        String sql = """
                select q.id, q.product_id, q.post_id, q.author_id, a.handle, a.display_name, q.body,
                       q.created_at, q.hidden_at, q.hidden_reason
                from product_questions q join account_names a on a.id = q.author_id
                where q.product_id = :product
                  and (:admin or q.hidden_at is null or q.author_id = :viewer)%s
                order by q.created_at desc, q.id desc limit :limit""".formatted(paged);
        return new Statement(sql, params);
    }

    /** The first answers of each of the page's questions, oldest first: a short index range each. */
    static Statement answers(List<Long> questionIds, Long viewerId, boolean viewerIsAdmin) {
        Map<String, Object> params = viewer(viewerId, viewerIsAdmin);
        params.put("ids", questionIds.toArray(Long[]::new));
        params.put("shown", ANSWERS_SHOWN);
        String sql = """
                select x.question_id, x.id, x.author_id, a.handle, a.display_name, x.body, x.badge,
                       x.created_at, x.hidden_at, x.hidden_reason
                from unnest(cast(:ids as bigint[])) q(id)
                cross join lateral (select * from product_answers an
                                    where an.question_id = q.id
                                      and (:admin or an.hidden_at is null or an.author_id = :viewer)
                                    order by an.created_at, an.id limit :shown) x
                join account_names a on a.id = x.author_id
                order by x.question_id, x.created_at, x.id""";
        return new Statement(sql, params);
    }

    private static Map<String, Object> viewer(Long viewerId, boolean viewerIsAdmin) {
        Map<String, Object> params = new HashMap<>();
        params.put("viewer", viewerId == null ? -1L : viewerId);
        params.put("admin", viewerIsAdmin);
        return params;
    }

    private Map<Long, List<AnswerView>> answers(Statement statement) {
        Map<Long, List<AnswerView>> byQuestion = new LinkedHashMap<>();
        jdbc.sql(statement.sql())
                .params(statement.params())
                .query((rs, n) -> {
                    byQuestion
                            .computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                            .add(new AnswerView(
                                    rs.getLong(2),
                                    rs.getLong(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    AnswerBadge.valueOf(rs.getString(7)),
                                    rs.getTimestamp(8).toInstant(),
                                    rs.getTimestamp(9) != null,
                                    rs.getString(10)));
                    return n;
                })
                .list();
        return byQuestion;
    }

    private static QuestionView question(ResultSet rs, int n) throws SQLException {
        return new QuestionView(
                rs.getLong(1),
                rs.getLong(2),
                (Long) rs.getObject(3, Long.class),
                rs.getLong(4),
                rs.getString(5),
                rs.getString(6),
                rs.getString(7),
                rs.getTimestamp(8).toInstant(),
                rs.getTimestamp(9) != null,
                rs.getString(10),
                List.of());
    }

    /**
     * The product a question is shown under, for whoever may see it: anyone while it is visible, its author and
     * admins once hidden (a notification or a report links here); empty otherwise.
     */
    @Transactional(readOnly = true)
    public Optional<Long> productShowing(long questionId, Long viewerId, boolean viewerIsAdmin) {
        return jdbc.sql("""
                        select product_id from product_questions
                        where id = ? and (? or hidden_at is null or author_id = ?)""")
                .params(questionId, viewerIsAdmin, viewerId == null ? -1L : viewerId)
                .query(Long.class)
                .optional();
    }

    /** What moderation hid or restored: the author, and the question it belongs to (itself for a question). */
    public record Moderated(long authorId, long questionId, long productId) {}

    /**
     * Hides a question (moderation's takedown): it leaves every list but its author's and admins', and takes no more
     * answers. Refused when it is hidden already.
     */
    @Transactional
    public Moderated hideQuestion(long questionId, String reason) {
        String update = """
                update product_questions set hidden_at = :now, hidden_reason = :reason
                where id = :id and hidden_at is null returning author_id, id, product_id""";
        return moderate(update, QUESTION_EXISTS, questionId, reason, "moderation.question.alreadyHidden");
    }

    /** Hides an answer (moderation's takedown). Refused when it is hidden already. */
    @Transactional
    public Moderated hideAnswer(long answerId, String reason) {
        String update = """
                update product_answers x set hidden_at = :now, hidden_reason = :reason
                from product_questions q
                where x.id = :id and x.hidden_at is null and q.id = x.question_id
                returning x.author_id, x.question_id, q.product_id""";
        return moderate(update, ANSWER_EXISTS, answerId, reason, "moderation.answer.alreadyHidden");
    }

    /** Puts a hidden question back. Refused when it is not hidden. */
    @Transactional
    public Moderated restoreQuestion(long questionId) {
        String update = """
                update product_questions set hidden_at = null, hidden_reason = null
                where id = :id and hidden_at is not null
                returning author_id, id, product_id""";
        return moderate(update, QUESTION_EXISTS, questionId, null, "moderation.question.notHidden");
    }

    /** Puts a hidden answer back. Refused when it is not hidden. */
    @Transactional
    public Moderated restoreAnswer(long answerId) {
        String update = """
                update product_answers x set hidden_at = null, hidden_reason = null
                from product_questions q
                where x.id = :id and x.hidden_at is not null and q.id = x.question_id
                returning x.author_id, x.question_id, q.product_id""";
        return moderate(update, ANSWER_EXISTS, answerId, null, "moderation.answer.notHidden");
    }

    private static final String QUESTION_EXISTS = "select exists (select 1 from product_questions where id = ?)";

    private static final String ANSWER_EXISTS = "select exists (select 1 from product_answers where id = ?)";

    /**
     * Runs a hide or restore (parameters it does not name are ignored); nothing changed means the row is missing
     * (404) or already in that state (refused).
     */
    private Moderated moderate(String update, String exists, long id, String reason, String refusal) {
        Optional<Moderated> changed = jdbc.sql(update)
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason, Types.VARCHAR)
                .param("id", id)
                .query((rs, n) -> new Moderated(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .optional();
        if (changed.isPresent()) {
            return changed.get();
        }
        if (!jdbc.sql(exists).param(id).query(Boolean.class).single()) {
            throw new NotFoundException("question or answer " + id);
        }
        throw new UserFacingException(refusal);
    }
}
