package io.sparkfeed.posts;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A shoppable photo post. Counters are changed with single UPDATE statements, never through this entity. */
@Entity
@Table(name = "posts")
class Post extends Moderated {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private Long authorId;

    @Column(updatable = false)
    private String imageKey;

    private String altText;
    private String caption;

    @Enumerated(EnumType.STRING)
    private Disclosure disclosure;

    private String disclosureBrand;

    @Column(insertable = false, updatable = false)
    private int smileCount;

    @Column(insertable = false, updatable = false)
    private int commentCount;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "post_tags", joinColumns = @JoinColumn(name = "post_id"))
    @OrderColumn(name = "position")
    private List<PostTag> tags = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "post_hashtags", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "tag")
    private Set<String> hashtags = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "post_interests", joinColumns = @JoinColumn(name = "post_id"))
    @Column(name = "interest_id")
    private Set<Integer> interests = new HashSet<>();

    protected Post() {}

    Post(long authorId, String imageKey, PostContent content, Instant now) {
        this.authorId = authorId;
        this.imageKey = imageKey;
        this.createdAt = now;
        apply(content, now);
    }

    void apply(PostContent content, Instant now) {
        this.altText = content.altText();
        this.caption = content.caption();
        this.disclosure = content.disclosure();
        this.disclosureBrand = content.disclosure() == Disclosure.NONE ? null : content.disclosureBrand();
        this.tags.clear();
        this.tags.addAll(content.tags().stream()
                .map(t -> new PostTag(t.productId(), t.x(), t.y()))
                .toList());
        this.hashtags.clear();
        this.hashtags.addAll(Hashtags.in(content.caption()));
        this.interests.clear();
        this.interests.addAll(content.interestIds());
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }

    Long authorId() {
        return authorId;
    }

    String imageKey() {
        return imageKey;
    }
}
