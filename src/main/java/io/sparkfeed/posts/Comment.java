package io.sparkfeed.posts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A comment under a post. */
@Entity
@Table(name = "comments")
class Comment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long postId;

    @Column(updatable = false)
    private Long authorId;

    private String body;
    private Instant hiddenAt;
    private String hiddenReason;

    @Column(updatable = false)
    private Instant createdAt;

    protected Comment() {
    }

    Comment(long postId, long authorId, String body, Instant now) {
        this.postId = postId;
        this.authorId = authorId;
        this.body = body;
        this.createdAt = now;
    }

    Long id() {
        return id;
    }

    Long postId() {
        return postId;
    }

    Long authorId() {
        return authorId;
    }

    boolean hidden() {
        return hiddenAt != null;
    }

    void hide(String reason, Instant now) {
        this.hiddenAt = now;
        this.hiddenReason = reason;
    }

    void restore() {
        this.hiddenAt = null;
        this.hiddenReason = null;
    }
}
