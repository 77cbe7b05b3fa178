package io.sparkfeed.catalog;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A product of the catalog. Stock is changed with single UPDATE statements (see ProductRepository), never here. */
@Entity
@Table(name = "products")
class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String title;
    private String brand;
    private BigDecimal price;
    private String currency;
    private String description;
    private String category;

    @Column(updatable = false)
    private int stock;

    private boolean active;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "product_images", joinColumns = @JoinColumn(name = "product_id"))
    @OrderColumn(name = "position")
    @Column(name = "image_key")
    private List<String> imageKeys = new ArrayList<>();

    protected Product() {}

    Product(ProductDraft draft, Instant now) {
        this.stock = draft.stock();
        this.createdAt = now;
        apply(draft, now);
    }

    void apply(ProductDraft draft, Instant now) {
        this.title = draft.title().strip();
        this.brand = draft.brand().strip();
        this.price = draft.price();
        this.currency = draft.currency();
        this.description =
                draft.description() == null ? "" : draft.description().strip();
        this.category = draft.category();
        this.active = draft.active();
        this.imageKeys.clear();
        this.imageKeys.addAll(draft.imageKeys());
        this.updatedAt = now;
    }

    Long id() {
        return id;
    }
}
