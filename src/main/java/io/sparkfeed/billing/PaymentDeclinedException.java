package io.sparkfeed.billing;

import io.sparkfeed.platform.UserFacingException;

/** The payment method refused the charge; nothing was bought. */
public class PaymentDeclinedException extends UserFacingException {

    public PaymentDeclinedException() {
        super("payment.declined");
    }
}
