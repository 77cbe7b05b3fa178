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
class Comment extends Moderated {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long postId;

    @Column(updatable = false)
    private Long authorId;

    private String body;

    @Column(updatable = false)
    private Instant createdAt;

    protected Comment() {}

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
}
