package io.sparkfeed.posts;

import io.sparkfeed.media.ImageRejectedException;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.ImagesBusyException;
import io.sparkfeed.media.PreparedImage;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.platform.NotFoundException;
import io.sparkfeed.platform.UserFacingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishing, editing and deleting posts, and their takedown by moderation. Every rule is checked here (the content
 * by {@link PostContentCheck}), not in the page; smiles and comments are {@link Reactions}.
 */
@Service
public class Posts {

    private final PostRepository posts;
    private final PostingPolicy policy;
    private final PostContentCheck contentCheck;
    private final Images images;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final OwnerBadges ownerBadges;

    Posts(
            PostRepository posts,
            PostingPolicy policy,
            PostContentCheck contentCheck,
            Images images,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            TransactionTemplate transactions,
            OwnerBadges ownerBadges) {
        this.transactions = transactions;
        this.ownerBadges = ownerBadges;
        this.posts = posts;
        this.policy = policy;
        this.contentCheck = contentCheck;
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
     * @throws ImagesBusyException when no decode is free for the photo now, or the photo store cannot be reached
     */
    public long publish(long authorId, PostContent content, ImageUpload photo) {
        PostingDecision decision = policy.check(authorId);
        if (!decision.allowed()) {
            throw new PostingRefusedException(decision);
        }
        contentCheck.check(content);
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
        jdbc.sql("select pg_advisory_xact_lock(42, cast(? as integer))")
                .param((int) authorId)
                .query()
                .listOfRows();
        PostingDecision decision = policy.check(authorId);
        if (!decision.allowed()) {
            throw new PostingRefusedException(decision);
        }
        PostContent checked = contentCheck.check(content);
        StoredImage image;
        try {
            image = images.store(prepared);
        } catch (ImagesBusyException storeUnavailable) {
            // the form again, as it was sent, with when to send it again (a 503, not a fault of the photo)
            throw storeUnavailable;
        } catch (UserFacingException rejected) {
            throw new PostRejectedException("photo", rejected.messageKey(), rejected.arguments());
        }
        Post post = posts.save(new Post(authorId, image.key(), checked, clock.instant()));
        posts.flush();
        ownerBadges.tagsWritten(post.id(), authorId);
        // the daily limit counts publishes, not surviving posts; older rows are of no use to it
        jdbc.sql("delete from post_publications where author_id = ? and published_at < ?")
                .params(authorId, Timestamp.from(clock.instant().minus(Duration.ofDays(2))))
                .update();
        jdbc.sql("insert into post_publications (author_id, published_at, post_id) values (?, ?, ?)")
                .params(authorId, Timestamp.from(clock.instant()), post.id())
                .update();
        events.publishEvent(new PostPublished(post.id(), authorId));
        return post.id();
    }

    /**
     * Moves a just-published post back in time with its publish record (demo data spreads its posts over weeks),
     * so that the daily posting limit does not count it as published today.
     */
    @Transactional
    public void backdate(long postId, Instant publishedAt) {
        Timestamp at = Timestamp.from(publishedAt);
        jdbc.sql("update posts set created_at = ?, updated_at = ? where id = ?")
                .params(at, at, postId)
                .update();
        jdbc.sql("update post_publications set published_at = ? where post_id = ?")
                .params(at, postId)
                .update();
        // the link tables carry their post's time for the lists' indexes (V40)
        jdbc.sql("update post_tags set created_at = ? where post_id = ?")
                .params(at, postId)
                .update();
        jdbc.sql("update post_hashtags set created_at = ? where post_id = ?")
                .params(at, postId)
                .update();
        jdbc.sql("update post_interests set created_at = ? where post_id = ?")
                .params(at, postId)
                .update();
    }

    /** The author changes caption, alt text, tags and disclosure; nobody else may. */
    @Transactional
    public void edit(long actorId, long postId, PostContent content) {
        Post post = ownPost(actorId, postId);
        post.apply(contentCheck.check(content), clock.instant());
        // the tags are rewritten at the flush: each then says again whether the author bought its product
        posts.flush();
        ownerBadges.tagsWritten(postId, actorId);
    }

    /** The author deletes the post; its photo goes too unless something else shows the same image. */
    @Transactional
    public void delete(long actorId, long postId) {
        Post post = ownPost(actorId, postId);
        deleteAll(List.of(postId), List.of(post.imageKey()));
    }

    /**
     * Deletes posts in the caller's transaction: modules pointing at them hear it first ({@link PostsDeleted}); tags,
     * hashtags, smiles and comments go with them (on delete cascade); each leaves its id in {@code deleted_posts}
     * (its address answers 410 Gone); their photos go too unless something else shows the same image.
     */
    void deleteAll(List<Long> postIds, Collection<String> imageKeys) {
        if (postIds.isEmpty()) {
            return;
        }
        events.publishEvent(new PostsDeleted(List.copyOf(postIds)));
        Long[] ids = postIds.toArray(Long[]::new);
        jdbc.sql("delete from posts where id = any(?)").param(ids).update();
        jdbc.sql("insert into deleted_posts (post_id, deleted_at) select unnest(?::bigint[]), ? on conflict do nothing")
                .params(ids, Timestamp.from(clock.instant()))
                .update();
        imageKeys.stream().distinct().forEach(images::deleteUnlessShown);
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
                .param("now", Timestamp.from(clock.instant()))
                .param("reason", reason)
                .param("author", authorId)
                .query(Long.class)
                .list();
    }

    /** Whether the post existed and is no longer shown: deleted by its author, or hidden by the team. */
    @Transactional(readOnly = true)
    public boolean gone(long postId) {
        return jdbc.sql("""
                        select exists (select 1 from posts where id = :id and hidden_at is not null)
                            or exists (select 1 from deleted_posts where post_id = :id)""").param("id", postId).query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public long authorOf(long postId) {
        return findAuthor(postId).orElseThrow(() -> new NotFoundException("post " + postId));
    }

    /** The post's author; empty when the post is gone (which, thrown, would mark a caller's transaction). */
    @Transactional(readOnly = true)
    public Optional<Long> findAuthor(long postId) {
        return posts.findById(postId).map(Post::authorId);
    }

    private Post ownPost(long actorId, long postId) {
        Post post = posts.findById(postId).orElseThrow(() -> new NotFoundException("post " + postId));
        if (post.authorId() != actorId) {
            throw new AccessDeniedException("not the author");
        }
        return post;
    }

    Instant now() {
        return clock.instant();
    }
}
