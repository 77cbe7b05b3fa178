package io.sparkfeed.platform;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Thrown when a requested thing existed and was removed for good (deleted, or taken down by the team); rendered as
 * the 410 page, so a search engine drops it instead of asking again as it would after a 404.
 */
@ResponseStatus(HttpStatus.GONE)
public class GoneException extends RuntimeException {

    public GoneException(String what) {
        super(what);
    }
}
