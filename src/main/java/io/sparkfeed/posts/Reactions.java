package io.sparkfeed.posts;

import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Smiles and comments on posts, by Prime members (a trial counts), and the hiding of a comment by an admin. Only a
 * visible post takes reactions; the post's counters move with them in the same transaction.
 */
@Service
public class Reactions {

    private final PostRepository posts;
    private final CommentRepository comments;
    private final Memberships memberships;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reactions(
            PostRepository posts,
            CommentRepository comments,
            Memberships memberships,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.posts = posts;
        this.comments = comments;
        this.memberships = memberships;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Smiles at a post; smiling twice is the same as once. Needs Prime (a trial counts). */
    @Transactional
    public SmileState smile(long accountId, long postId) {
        long authorId = visiblePostAuthor(postId);
        requirePrime(accountId);
        int added = jdbc.sql(
                        "insert into smiles (post_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(postId, accountId, Timestamp.from(clock.instant()))
                .update();
        if (added == 1) {
            posts.addSmiles(postId, 1);
            if (authorId != accountId) {
                events.publishEvent(new PostSmiled(UUID.randomUUID(), postId, authorId, accountId));
            }
        }
        return smileState(accountId, postId);
    }

    /** Takes a smile back; unsmiling twice is the same as once. */
    @Transactional
    public SmileState unsmile(long accountId, long postId) {
        visiblePostAuthor(postId);
        requirePrime(accountId);
        int removed = jdbc.sql("delete from smiles where post_id = ? and account_id = ?")
                .params(postId, accountId)
                .update();
        if (removed == 1) {
            posts.addSmiles(postId, -1);
        }
        return smileState(accountId, postId);
    }

    @Transactional
    public long comment(long accountId, long postId, String body) {
        long authorId = visiblePostAuthor(postId);
        requirePrime(accountId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new PostRejectedException("body", "comment.required");
        }
        if (text.length() > 1000) {
            throw new PostRejectedException("body", "comment.tooLong");
        }
        Comment comment = comments.save(new Comment(postId, accountId, text, clock.instant()));
        posts.addComments(postId, 1);
        events.publishEvent(new CommentAdded(UUID.randomUUID(), postId, authorId, comment.id(), accountId));
        return comment.id();
    }

    /**
     * The comment's author or the post's author deletes a comment of that post. A comment under a hidden post is
     * not found for anyone but the post's author, as the post itself is not.
     */
    @Transactional
    public void deleteComment(long actorId, long postId, long commentId) {
        Comment comment = comments.findById(commentId)
                .filter(c -> c.postId() == postId)
                .orElseThrow(() -> new NotFoundException("comment " + commentId + " of post " + postId));
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
        if (post.hidden() && post.authorId() != actorId) {
            throw new NotFoundException("post " + postId);
        }
        if (comment.authorId() != actorId && post.authorId() != actorId) {
            throw new AccessDeniedException("not your comment");
        }
        comments.delete(comment);
        if (!comment.hidden()) {
            // hiding already took a hidden comment off the count
            posts.addComments(post.id(), -1);
        }
    }

    /**
     * A page of a post's comments, oldest first, after {@code after} (null: from the first). A hidden comment is
     * shown only to its author, and to admins, marked. Keyset-paged on the (post, created_at, id) index.
     */
    @Transactional(readOnly = true)
    public CommentPage comments(long postId, Long viewerId, boolean viewerIsAdmin, Cursor after, int size) {
        List<CommentView> rows = jdbc.sql(COMMENTS + """
                        where c.post_id = :post and (:admin or c.hidden_at is null or c.author_id = :viewer)
                          and (c.created_at, c.id) > (:afterAt, :afterId)
                        order by c.created_at, c.id limit :limit""")
                .param("post", postId)
                .param("viewer", viewerId == null ? -1L : viewerId)
                .param("admin", viewerIsAdmin)
                .param("afterAt", Timestamp.from(after == null ? Instant.EPOCH : after.createdAt()))
                .param("afterId", after == null ? 0L : after.id())
                .param("limit", size + 1)
                .query(Reactions::commentView)
                .list();
        if (rows.size() <= size) {
            return new CommentPage(rows, null);
        }
        CommentView last = rows.get(size - 1);
        return new CommentPage(rows.subList(0, size), new Cursor(last.createdAt(), last.id()));
    }

    /** One comment as its post's page shows it. */
    @Transactional(readOnly = true)
    public CommentView comment(long commentId) {
        return jdbc.sql(COMMENTS + "where c.id = ?")
                .param(commentId)
                .query(Reactions::commentView)
                .optional()
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    /** How many visible comments a post has. */
    @Transactional(readOnly = true)
    public int commentCount(long postId) {
        return jdbc.sql("select comment_count from posts where id = ?")
                .param(postId)
                .query(Integer.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("post " + postId));
    }

    private static final String COMMENTS = """
            select c.id, c.post_id, c.author_id, a.handle, a.display_name, c.body, c.created_at, c.hidden_at,
                   c.hidden_reason
            from comments c join account_names a on a.id = c.author_id
            """;

    private static CommentView commentView(ResultSet rs, int n) throws SQLException {
        return new CommentView(
                rs.getLong(1),
                rs.getLong(2),
                rs.getLong(3),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant(),
                rs.getTimestamp(8) != null,
                rs.getString(9));
    }

    /** An admin hides a comment; it no longer counts on the post. Returns the comment's author. */
    @Transactional
    public long hideComment(long commentId, String reason) {
        Comment comment = comments.findById(commentId).orElseThrow(() -> new NotFoundException("comment"));
        if (comment.hidden()) {
            throw new UserFacingException("moderation.comment.alreadyHidden");
        }
        comment.hide(reason, clock.instant());
        posts.addComments(comment.postId(), -1);
        return comment.authorId();
    }

    @Transactional
    public long restoreComment(long commentId) {
        Comment comment = comments.findById(commentId).orElseThrow(() -> new NotFoundException("comment"));
        if (!comment.hidden()) {
            throw new UserFacingException("moderation.comment.notHidden");
        }
        comment.restore();
        posts.addComments(comment.postId(), 1);
        return comment.authorId();
    }

    private long visiblePostAuthor(long postId) {
        return posts.findById(postId)
                .filter(p -> !p.hidden())
                .map(Post::authorId)
                .orElseThrow(() -> new NotFoundException("post " + postId));
    }

    private void requirePrime(long accountId) {
        if (!memberships.isPrime(accountId)) {
            throw new AccessDeniedException("Prime only");
        }
    }

    private SmileState smileState(long accountId, long postId) {
        return jdbc.sql("""
                        select p.smile_count, exists (select 1 from smiles s where s.post_id = p.id and s.account_id = ?)
                        from posts p where p.id = ?""")
                .params(accountId, postId)
                .query((rs, n) -> new SmileState(postId, rs.getBoolean(2), rs.getInt(1)))
                .single();
    }
}
