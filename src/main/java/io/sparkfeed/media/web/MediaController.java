package io.sparkfeed.media.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.ServableImage;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.media.storage.ImageStorageException;
import io.sparkfeed.platform.NotFoundException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.context.request.WebRequest;

/**
 * Serves image derivatives. A key names content that never changes, so browsers and proxies may keep a file
 * for a year without asking again. A withheld image (one that no visible post or product shows, such as the photo
 * of a hidden post) is a 404 to everyone but the authors of the hidden posts showing it and admins, who get it
 * with {@code private, no-store}: no shared cache may keep what was taken down.
 * (Copies cached publicly before the takedown cannot be recalled; a CDN in front would need a purge.)
 * Whatever the store (the data folder or an S3 bucket), the files are served from here, after that check: a bucket
 * never needs to be public.
 */
@Controller
class MediaController {

    // strict, so a key or width can never be a path (no dots, no slashes, no encodings)
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,4}");
    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    static final String CACHE_NEVER = "private, no-store";
    private static final String RETRY_AFTER_SECONDS = "5";
    private static final Logger log = LoggerFactory.getLogger(MediaController.class);

    private final Images images;
    private final ImageStorage storage;

    MediaController(Images images, ImageStorage storage) {
        this.images = images;
        this.storage = storage;
    }

    @GetMapping("/media/{key}/{width}.jpg")
    ResponseEntity<Resource> image(
            @PathVariable String key,
            @PathVariable String width,
            @AuthenticationPrincipal AccountPrincipal viewer,
            WebRequest request) {
        if (!KEY.matcher(key).matches() || !WIDTH.matcher(width).matches()) {
            throw new NotFoundException("image " + key + "/" + width);
        }
        int pixels = Integer.parseInt(width);
        // the row decides: files of a deleted image (removed only after its commit) are not served meanwhile
        ServableImage found = images.findServable(key)
                .filter(s -> s.image().widths().contains(pixels))
                .filter(s -> !s.withheld() || maySee(viewer, s))
                .orElseThrow(() -> new NotFoundException("image " + key + "/" + width));
        String eTag = key + "-" + pixels;
        // a browser that has the file gets 304 before the store is asked for anything
        if (!found.withheld() && request.checkNotModified("\"" + eTag + "\"")) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                    .eTag(eTag)
                    .build();
        }
        Resource file =
                storage.open(key, pixels).orElseThrow(() -> new NotFoundException("image " + key + "/" + width));
        if (found.withheld()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_NEVER)
                    .body(file);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .eTag(eTag)
                .body(file);
    }

    /**
     * The photo store cannot be reached: a 503 the browser may retry, without caching; the page around the photo
     * still shows.
     */
    @ExceptionHandler(ImageStorageException.class)
    ResponseEntity<Void> storeUnavailable(ImageStorageException e) {
        log.warn("Could not serve a photo: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_NEVER)
                .build();
    }

    private static boolean maySee(AccountPrincipal viewer, ServableImage image) {
        return viewer != null && (viewer.admin() || image.maySee(viewer.id()));
    }
}
