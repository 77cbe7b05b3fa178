package io.sparkfeed.media;

import io.sparkfeed.platform.UserFacingException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;

/**
 * No decode was free for this upload: the account already has its share running ({@link #perAccount()}, a 429),
 * or the instance is busy (a 503); or the photo store could not be reached (a 503). Nothing was written (or it was
 * rolled back); the same upload may simply be sent again after {@link #RETRY_AFTER_SECONDS}.
 */
public class ImagesBusyException extends UserFacingException {

    public static final int RETRY_AFTER_SECONDS = 5;

    private final boolean perAccount;

    ImagesBusyException(boolean perAccount) {
        this(perAccount ? "image.busy.account" : "image.busy.instance", perAccount);
    }

    private ImagesBusyException(String messageKey, boolean perAccount) {
        super(messageKey, RETRY_AFTER_SECONDS);
        this.perAccount = perAccount;
    }

    /** The photo store (the data folder, an S3 bucket) could not be reached or refused the files. */
    static ImagesBusyException storageUnavailable() {
        return new ImagesBusyException("image.busy.storage", false);
    }

    public boolean perAccount() {
        return perAccount;
    }

    /** 429 when the account is at its own limit, 503 when the instance is. */
    public int status() {
        return perAccount ? 429 : 503;
    }

    /**
     * The answer of every form that takes a photo when this is thrown (a post, a product): its status and when to
     * send the same form again; the page shows the form as it was sent, with this message.
     */
    public void answer(HttpServletResponse response) {
        response.setStatus(status());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
    }
}
