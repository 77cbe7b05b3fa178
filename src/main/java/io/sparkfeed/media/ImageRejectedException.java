package io.sparkfeed.media;

import io.sparkfeed.platform.UserFacingException;

/** An upload that is not an image we take; the message key says why, for the form to show. */
public class ImageRejectedException extends UserFacingException {

    public ImageRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
