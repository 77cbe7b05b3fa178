package io.sparkfeed.media.web;

import io.sparkfeed.accounts.AccountPrincipal;
import io.sparkfeed.media.Images;
import io.sparkfeed.media.ServableImage;
import io.sparkfeed.media.storage.ImageStorage;
import io.sparkfeed.platform.NotFoundException;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves image derivatives. A key names content that never changes, so browsers and proxies may keep a file
 * for a year without asking again. A withheld image (one that no visible post or product shows, such as the photo
 * of a hidden post) is a 404 to everyone but the authors of the hidden posts showing it and admins, who get it
 * with {@code private, no-store}: no shared cache may keep what was taken down.
 * (Copies cached publicly before the takedown cannot be recalled; a CDN in front would need a purge.)
 */
@Controller
class MediaController {

    // strict, so a key or width can never be a path (no dots, no slashes, no encodings)
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{16,64}");
    private static final Pattern WIDTH = Pattern.compile("[1-9][0-9]{0,4}");
    static final String CACHE_FOREVER = "public, max-age=31536000, immutable";
    static final String CACHE_NEVER = "private, no-store";

    private final Images images;
    private final ImageStorage storage;

    MediaController(Images images, ImageStorage storage) {
        this.images = images;
        this.storage = storage;
    }

    @GetMapping("/media/{key}/{width}.jpg")
    ResponseEntity<Resource> image(
            @PathVariable String key, @PathVariable String width, @AuthenticationPrincipal AccountPrincipal viewer) {
        if (!KEY.matcher(key).matches() || !WIDTH.matcher(width).matches()) {
            throw new NotFoundException("image " + key + "/" + width);
        }
        int pixels = Integer.parseInt(width);
        // the row decides: files of a deleted image (removed only after its commit) are not served meanwhile
        ServableImage found = images.findServable(key)
                .filter(s -> s.image().widths().contains(pixels))
                .filter(s -> !s.withheld() || maySee(viewer, s))
                .orElseThrow(() -> new NotFoundException("image " + key + "/" + width));
        Resource file =
                storage.open(key, pixels).orElseThrow(() -> new NotFoundException("image " + key + "/" + width));
        if (found.withheld()) {
            return ResponseEntity.ok()
                    .contentType(MediaType.IMAGE_JPEG)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_NEVER)
                    .body(file);
        }
        // with an ETag, Spring answers a matching If-None-Match with 304 and no body
        return ResponseEntity.ok()
                .contentType(MediaType.IMAGE_JPEG)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_FOREVER)
                .eTag(key + "-" + pixels)
                .body(file);
    }

    private static boolean maySee(AccountPrincipal viewer, ServableImage image) {
        return viewer != null && (viewer.admin() || image.maySee(viewer.id()));
    }
}
