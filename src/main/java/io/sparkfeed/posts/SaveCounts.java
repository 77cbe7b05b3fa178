package io.sparkfeed.posts;

import io.sparkfeed.platform.NotFoundException;
import java.util.Collection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The count of accounts that saved a post, shown on its card: moved by the collections module in its save's
 * transaction, as smiles move {@code smile_count}, so a card reads it with the post.
 */
@Service
public class SaveCounts {

    private final PostRepository posts;
    private final JdbcClient jdbc;

    SaveCounts(PostRepository posts, JdbcClient jdbc) {
        this.posts = posts;
        this.jdbc = jdbc;
    }

    /** How many accounts saved the post (0 for a post that is gone). */
    @Transactional(readOnly = true)
    public int count(long postId) {
        return jdbc.sql("select save_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** These posts each lost one saver; one statement, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void remove(Collection<Long> postIds) {
        if (!postIds.isEmpty()) {
            jdbc.sql("update posts set save_count = greatest(save_count - 1, 0) where id = any(?)")
                    .param(postIds.toArray(Long[]::new))
                    .update();
        }
    }

    /** Checks that the post can be saved: it exists and is not hidden. */
    @Transactional(readOnly = true)
    public void requireVisible(long postId) {
        posts.findById(postId).filter(p -> !p.hidden()).orElseThrow(() -> new NotFoundException("post " + postId));
    }

    /** One more (or one fewer) account saved the post; in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(long postId, int delta) {
        posts.addSaves(postId, delta);
    }
}
