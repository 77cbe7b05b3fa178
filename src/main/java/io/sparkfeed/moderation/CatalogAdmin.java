package io.sparkfeed.moderation;

import io.sparkfeed.catalog.Catalog;
import io.sparkfeed.catalog.ProductDraft;
import io.sparkfeed.catalog.ProductView;
import io.sparkfeed.media.ImageUpload;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.PreparedImage;
import io.sparkfeed.media.StoredImage;
import io.sparkfeed.platform.UserFacingException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admins create and edit products and upload their photos. The checks live here; {@link Catalog} stores and
 * audits. The photo is decoded first, then one short transaction writes: a refused product leaves no stored photo.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class CatalogAdmin {

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final Catalog catalog;
    private final Images images;
    private final TransactionTemplate transactions;

    CatalogAdmin(Catalog catalog, Images images, TransactionTemplate transactions) {
        this.catalog = catalog;
        this.images = images;
        this.transactions = transactions;
    }

    /**
     * Creates a product; {@code photo} (may be null or empty) becomes its main image. The photo is decoded before
     * the transaction, which then only writes: a refused product leaves no stored photo.
     */
    public long create(long adminId, ProductDraft draft, ImageUpload photo) {
        ProductDraft checked = check(draft);
        PreparedImage prepared = prepare(adminId, photo);
        return transactions.execute(status -> {
            List<String> keys = new ArrayList<>();
            if (prepared != null) {
                keys.add(images.store(prepared).key());
            }
            return catalog.create(adminId, withImages(checked, keys));
        });
    }

    /** Edits a product; a new {@code photo} becomes its main image, the others stay after it. */
    public void update(long adminId, long productId, ProductDraft draft, ImageUpload photo, String reason) {
        ProductDraft checked = check(draft);
        catalog.get(productId);
        PreparedImage prepared = prepare(adminId, photo);
        transactions.executeWithoutResult(status -> {
            ProductView current = catalog.get(productId);
            List<String> keys = new ArrayList<>();
            if (prepared != null) {
                keys.add(images.store(prepared).key());
            }
            current.images().stream()
                    .map(StoredImage::key)
                    .filter(k -> !keys.contains(k))
                    .forEach(keys::add);
            catalog.update(adminId, productId, withImages(checked, keys), reason);
        });
    }

    private PreparedImage prepare(long adminId, ImageUpload photo) {
        return photo == null || photo.empty() ? null : images.prepare(photo, adminId);
    }

    private static ProductDraft check(ProductDraft d) {
        String title = strip(d.title());
        String brand = strip(d.brand());
        String currency = strip(d.currency()).toUpperCase();
        String description = strip(d.description());
        String category = strip(d.category());
        if (title.isEmpty() || title.length() > 160) {
            throw new UserFacingException("admin.products.title.invalid");
        }
        if (brand.isEmpty() || brand.length() > 80) {
            throw new UserFacingException("admin.products.brand.invalid");
        }
        if (d.price() == null
                || d.price().signum() < 0
                || d.price().scale() > 2
                || d.price().compareTo(new BigDecimal("9999999999.99")) > 0) {
            throw new UserFacingException("admin.products.price.invalid");
        }
        if (!CURRENCY.matcher(currency).matches()) {
            throw new UserFacingException("admin.products.currency.invalid");
        }
        if (description.length() > 4000) {
            throw new UserFacingException("admin.products.description.invalid");
        }
        if (category.isEmpty() || category.length() > 40) {
            throw new UserFacingException("admin.products.category.invalid");
        }
        if (d.stock() < 0) {
            throw new UserFacingException("admin.products.stock.invalid");
        }
        return new ProductDraft(
                title,
                brand,
                d.price().setScale(2, RoundingMode.UNNECESSARY),
                currency,
                description,
                category,
                d.stock(),
                d.active(),
                List.of());
    }

    private static ProductDraft withImages(ProductDraft d, List<String> keys) {
        return new ProductDraft(
                d.title(),
                d.brand(),
                d.price(),
                d.currency(),
                d.description(),
                d.category(),
                d.stock(),
                d.active(),
                List.copyOf(keys));
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
