package io.sparkfeed.posts;

import io.sparkfeed.accounts.Interests;
import io.sparkfeed.accounts.Memberships;
import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.media.ImageRejectedException;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.PreparedImage;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Publishing, editing and deleting posts; smiles and comments. Every rule is checked here, not in the page. */
@Service
public class Posts {

    private final PostRepository posts;
    private final CommentRepository comments;
    private final PostingPolicy policy;
    private final Memberships memberships;
    private final Catalog catalog;
    private final Images images;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Interests interestCatalog;

    Posts(PostRepository posts, CommentRepository comments, PostingPolicy policy, Memberships memberships,
            Catalog catalog, Images images, JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
            TransactionTemplate transactions, Interests interestCatalog) {
        this.interestCatalog = interestCatalog;
        this.transactions = transactions;
        this.posts = posts;
        this.comments = comments;
        this.policy = policy;
        this.memberships = memberships;
        this.catalog = catalog;
        this.images = images;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes a post: the policy first, then the content, then the photo. The photo is decoded and re-encoded
     * outside any transaction (waiting for a decode slot and decoding hold no database connection); then one short
     * transaction, one author at a time, checks again and writes: a refusal at any point leaves no post and no
     * stored photo.
     *
     * @throws io.sparkfeed.media.ImagesBusyException when no decode is free for the photo now
     */
    public long publish(long authorId, PostContent content, ImageUpload photo) {
        PostingDecision decision = policy.check(authorId);
        if (!decision.allowed()) {
            throw new PostingRefusedException(decision);
        }
        check(content);
        if (photo == null || photo.empty()) {
            throw new PostRejectedException("photo", "post.photo.required");
        }
        PreparedImage prepared;
        try {
            prepared = images.prepare(photo, authorId);
        } catch (ImageRejectedException rejected) {
            throw new PostRejectedException("photo", rejected.messageKey(), rejected.arguments());
        }
        return transactions.execute(status -> write(authorId, content, prepared));
    }

    /** {@link #publish(long, PostContent, ImageUpload)} with a photo given whole (demo data, tests). */
    public long publish(long authorId, PostContent content, byte[] photo) {
        try (ImageUpload upload = images.receive(new ByteArrayInputStream(photo == null ? new byte[0] : photo))) {
            return publish(authorId, content, upload);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the photo", e);
        }
    }

    private long write(long authorId, PostContent content, PreparedImage prepared) {
        // one author's posts are published one at a time, so the daily limit holds under concurrency
        jdbc.sql("select pg_advisory_xact_lock(42, cast(? as integer))").param((int) authorId).query().listOfRows();
        PostingDecision decision = policy.check(authorId);
        if (!decision.allowed()) {
            throw new PostingRefusedException(decision);
        }
        PostContent checked = check(content);
        StoredImage image;
        try {
            image = images.store(prepared);
        } catch (UserFacingException rejected) {
            throw new PostRejectedException("photo", rejected.messageKey(), rejected.arguments());
        }
        Post post = posts.save(new Post(authorId, image.key(), checked, clock.instant()));
        // the daily limit counts publishes, not surviving posts; older rows are of no use to it
        jdbc.sql("delete from post_publications where author_id = ? and published_at < ?")
                .params(authorId, java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(2))))
                .update();
        jdbc.sql("insert into post_publications (author_id, published_at, post_id) values (?, ?, ?)")
                .params(authorId, java.sql.Timestamp.from(clock.instant()), post.id()).update();
        events.publishEvent(new PostPublished(post.id(), authorId));
        return post.id();
    }

    /**
     * Moves a just-published post back in time with its publish record (demo data spreads its posts over weeks),
     * so that the daily posting limit does not count it as published today.
     */
    @Transactional
    public void backdate(long postId, Instant publishedAt) {
        java.sql.Timestamp at = java.sql.Timestamp.from(publishedAt);
        jdbc.sql("update posts set created_at = ?, updated_at = ? where id = ?").params(at, at, postId).update();
        jdbc.sql("update post_publications set published_at = ? where post_id = ?").params(at, postId).update();
    }

    /** The author changes caption, alt text, tags and disclosure; nobody else may. */
    @Transactional
    public void edit(long actorId, long postId, PostContent content) {
        Post post = ownPost(actorId, postId);
        post.apply(check(content), clock.instant());
    }

    /** The author deletes the post; its photo goes too unless something else shows the same image. */
    @Transactional
    public void delete(long actorId, long postId) {
        Post post = ownPost(actorId, postId);
        String key = post.imageKey();
        // plain SQL: tags, hashtags, smiles and comments go with it (on delete cascade)
        jdbc.sql("delete from posts where id = ?").param(postId).update();
        images.deleteUnlessShown(key);
    }

    /** Smiles at a post; smiling twice is the same as once. Needs Prime (a trial counts). */
    @Transactional
    public SmileState smile(long accountId, long postId) {
        long authorId = visiblePostAuthor(postId);
        requirePrime(accountId);
        int added = jdbc.sql("insert into smiles (post_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(postId, accountId, java.sql.Timestamp.from(clock.instant())).update();
        if (added == 1) {
            posts.addSmiles(postId, 1);
            if (authorId != accountId) {
                events.publishEvent(new PostSmiled(postId, authorId, accountId));
            }
        }
        return smileState(accountId, postId);
    }

    /** Takes a smile back; unsmiling twice is the same as once. */
    @Transactional
    public SmileState unsmile(long accountId, long postId) {
        visiblePostAuthor(postId);
        requirePrime(accountId);
        int removed = jdbc.sql("delete from smiles where post_id = ? and account_id = ?").params(postId, accountId)
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
        events.publishEvent(new CommentAdded(postId, authorId, comment.id(), accountId));
        return comment.id();
    }

    /**
     * The comment's author or the post's author deletes a comment of that post. A comment under a hidden post is
     * not found for anyone but the post's author, as the post itself is not.
     */
    @Transactional
    public void deleteComment(long actorId, long postId, long commentId) {
        Comment comment = comments.findById(commentId).filter(c -> c.postId() == postId)
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
                .param("post", postId).param("viewer", viewerId == null ? -1L : viewerId)
                .param("admin", viewerIsAdmin)
                .param("afterAt", Timestamp.from(after == null ? Instant.EPOCH : after.createdAt()))
                .param("afterId", after == null ? 0L : after.id()).param("limit", size + 1)
                .query(Posts::commentView).list();
        if (rows.size() <= size) {
            return new CommentPage(rows, null);
        }
        CommentView last = rows.get(size - 1);
        return new CommentPage(rows.subList(0, size), new Cursor(last.createdAt(), last.id()));
    }

    /** One comment as its post's page shows it. */
    @Transactional(readOnly = true)
    public CommentView comment(long commentId) {
        return jdbc.sql(COMMENTS + "where c.id = ?").param(commentId).query(Posts::commentView).optional()
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }

    /** How many visible comments a post has. */
    @Transactional(readOnly = true)
    public int commentCount(long postId) {
        return jdbc.sql("select comment_count from posts where id = ?").param(postId).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("post " + postId));
    }

    private static final String COMMENTS = """
            select c.id, c.post_id, c.author_id, a.handle, a.display_name, c.body, c.created_at, c.hidden_at,
                   c.hidden_reason
            from comments c join account_names a on a.id = c.author_id
            """;

    private static CommentView commentView(ResultSet rs, int n) throws SQLException {
        return new CommentView(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8) != null, rs.getString(9));
    }

    /** An admin takes a post down (the moderation module checks the role and audits); returns its author. */
    @Transactional
    public long hide(long postId, String reason) {
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
        if (post.hidden()) {
            throw new UserFacingException("moderation.post.alreadyHidden");
        }
        post.hide(reason, clock.instant());
        return post.authorId();
    }

    /** Puts a hidden post back; returns its author. */
    @Transactional
    public long restore(long postId) {
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
        if (!post.hidden()) {
            throw new UserFacingException("moderation.post.notHidden");
        }
        post.restore();
        return post.authorId();
    }

    /** Hides every visible post of an author at once; returns the ids it hid. */
    @Transactional
    public List<Long> hideAllBy(long authorId, String reason) {
        return jdbc.sql("""
                        update posts set hidden_at = :now, hidden_reason = :reason
                        where author_id = :author and hidden_at is null returning id""")
                .param("now", java.sql.Timestamp.from(clock.instant())).param("reason", reason)
                .param("author", authorId).query(Long.class).list();
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

    @Transactional(readOnly = true)
    public long authorOf(long postId) {
        return findAuthor(postId).orElseThrow(() -> new NotFoundException("post " + postId));
    }

    /** The post's author; empty when the post is gone (which, thrown, would mark a caller's transaction). */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> findAuthor(long postId) {
        return posts.findById(postId).map(Post::authorId);
    }

    private PostContent check(PostContent content) {
        String alt = content.altText() == null ? "" : content.altText().strip();
        if (alt.isEmpty()) {
            throw new PostRejectedException("altText", "post.alt.required");
        }
        if (alt.length() > PostContent.MAX_ALT) {
            throw new PostRejectedException("altText", "post.alt.tooLong", PostContent.MAX_ALT);
        }
        String caption = content.caption() == null ? "" : content.caption().strip();
        if (caption.length() > PostContent.MAX_CAPTION) {
            throw new PostRejectedException("caption", "post.caption.tooLong", PostContent.MAX_CAPTION);
        }
        if (Hashtags.count(caption, PostContent.MAX_HASHTAGS + 1) > PostContent.MAX_HASHTAGS) {
            throw new PostRejectedException("caption", "post.hashtags.tooMany", PostContent.MAX_HASHTAGS);
        }
        Disclosure disclosure = content.disclosure() == null ? Disclosure.NONE : content.disclosure();
        String brand = content.disclosureBrand() == null ? "" : content.disclosureBrand().strip();
        if (disclosure != Disclosure.NONE && brand.isEmpty()) {
            throw new PostRejectedException("disclosureBrand", "post.disclosure.brandRequired");
        }
        if (brand.length() > 80) {
            throw new PostRejectedException("disclosureBrand", "post.disclosure.brandTooLong");
        }
        List<PostContent.Tag> tags = content.tags() == null ? List.of() : content.tags();
        if (tags.size() > PostContent.MAX_TAGS) {
            throw new PostRejectedException("tags", "post.tags.tooMany", PostContent.MAX_TAGS);
        }
        for (PostContent.Tag tag : tags) {
            if (!fraction(tag.x()) || !fraction(tag.y())) {
                throw new PostRejectedException("tags", "post.tags.position");
            }
        }
        Set<Long> ids = tags.stream().map(PostContent.Tag::productId).collect(Collectors.toSet());
        if (!catalog.existingActive(ids).containsAll(ids)) {
            throw new PostRejectedException("tags", "post.tags.unknownProduct");
        }
        List<PostContent.Tag> rounded = tags.stream().map(t -> new PostContent.Tag(t.productId(),
                t.x().setScale(4, java.math.RoundingMode.HALF_UP), t.y().setScale(4, java.math.RoundingMode.HALF_UP)))
                .toList();
        List<Integer> interests = content.interestIds() == null ? List.of()
                : content.interestIds().stream().distinct().toList();
        if (interests.isEmpty()) {
            throw new PostRejectedException("interests", "post.interests.required");
        }
        if (interests.size() > PostContent.MAX_INTERESTS) {
            throw new PostRejectedException("interests", "post.interests.tooMany", PostContent.MAX_INTERESTS);
        }
        if (!interestCatalog.allExist(interests)) {
            throw new PostRejectedException("interests", "post.interests.unknown");
        }
        return new PostContent(alt, caption, disclosure, disclosure == Disclosure.NONE ? null : brand, rounded,
                interests);
    }

    private static boolean fraction(BigDecimal value) {
        return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
    }

    private Post ownPost(long actorId, long postId) {
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
        if (post.authorId() != actorId) {
            throw new AccessDeniedException("not the author");
        }
        return post;
    }

    private long visiblePostAuthor(long postId) {
        return posts.findById(postId).filter(p -> !p.hidden()).map(Post::authorId)
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
                .query((rs, n) -> new SmileState(postId, rs.getBoolean(2), rs.getInt(1))).single();
    }

    Instant now() {
        return clock.instant();
    }
}
