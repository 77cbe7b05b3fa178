package io.sparkfeed.questions;

import io.sparkfeed.media.Images;
import io.sparkfeed.posts.Cursor;
import io.sparkfeed.support.IntegrationTest;
import io.sparkfeed.support.PlanDatabase;
import io.sparkfeed.support.QueryPlan;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A product's questions page, planned on {@value PlanDatabase#QUESTIONS} generated questions and their answers: for
 * the busy product and a typical one, from the newest and half-way down, for a visitor, an asker whose question was
 * hidden and an admin. Both statements start from an index (no sequential scan; on the busy product no bitmap, which
 * would read all its questions to sort them) and read about a page of rows.
 */
class QuestionListPlanTests extends IntegrationTest {

    static final Set<String> BIG_TABLES = Set.of("product_questions", "product_answers", "accounts");

    private static final int PAGE = 20;

    /**
     * A page's questions and their authors, with room for the hidden ones skipped on the way, and for the planner's
     * choice to read a typical product's few questions after the cursor by bitmap and sort them.
     */
    private static final long MAX_QUESTION_ROWS = 6L * PAGE;

    /** At most {@link Questions#ANSWERS_SHOWN} answers under each question, and their authors. */
    private static final long MAX_ANSWER_ROWS = 3L * PAGE * Questions.ANSWERS_SHOWN;

    @Autowired
    Images images;

    private record Viewer(String name, Long id, boolean admin) {}

    @Test
    void theQuestionsPageStartsFromItsIndexesAndReadsAboutAPage() {
        PlanDatabase plans = PlanDatabase.get(images);
        JdbcClient db = plans.db();
        long busy = plans.busyProduct();
        long typical = busy + 1;
        long hiddenAsker = db.sql("""
                        select author_id from product_questions
                        where product_id = ? and hidden_at is not null order by id limit 1""").param(busy).query(Long.class).single();
        List<Viewer> viewers = List.of(
                new Viewer("visitor", null, false),
                new Viewer("asker of a hidden question", hiddenAsker, false),
                new Viewer("admin", plans.heavyViewer(), true));

        SoftAssertions soft = new SoftAssertions();
        for (long product : new long[] {busy, typical}) {
            for (Viewer viewer : viewers) {
                for (Cursor after : new Cursor[] {null, halfWayDown(db, product)}) {
                    String name = (product == busy ? "busy product" : "typical product") + ", " + viewer.name()
                            + (after == null ? ", first page" : ", half-way down");
                    Questions.Statement page = Questions.questions(product, viewer.id(), viewer.admin(), after, PAGE);
                    QueryPlan questions = QueryPlan.of(db, page.sql(), page.params());
                    soft.assertThat(questions.rowsReturned())
                            .as(name + ": the page has questions")
                            .isPositive();
                    check(soft, name + ", questions", questions, MAX_QUESTION_ROWS);
                    if (product == busy) {
                        soft.assertThat(questions.bitmapScansOf(Set.of("product_questions")))
                                .as(name + ": questions read by bitmap\n" + questions)
                                .isEmpty();
                    }

                    List<Long> ids = db.sql(page.sql())
                            .params(page.params())
                            .query((rs, n) -> rs.getLong(1))
                            .list();
                    Questions.Statement answers = Questions.answers(ids, viewer.id(), viewer.admin());
                    QueryPlan answered = QueryPlan.of(db, answers.sql(), answers.params());
                    soft.assertThat(answered.rowsReturned())
                            .as(name + ": the questions have answers")
                            .isPositive();
                    check(soft, name + ", answers", answered, MAX_ANSWER_ROWS);
                }
            }
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String name, QueryPlan plan, long maxRows) {
        soft.assertThat(plan.sequentialScansOf(BIG_TABLES))
                .as(name + ": sequential scans\n" + plan)
                .isEmpty();
        soft.assertThat(plan.rowsRead()).as(name + ": rows read\n" + plan).isLessThanOrEqualTo(maxRows);
    }

    /** The cursor of the product's middle question, newest first. */
    private static Cursor halfWayDown(JdbcClient db, long product) {
        return db.sql("""
                        select created_at, id from product_questions where product_id = :product
                        order by created_at desc, id desc
                        offset (select count(*) / 2 from product_questions where product_id = :product) limit 1""")
                .param("product", product)
                .query((rs, n) -> new Cursor(rs.getTimestamp(1).toInstant(), rs.getLong(2)))
                .single();
    }
}
