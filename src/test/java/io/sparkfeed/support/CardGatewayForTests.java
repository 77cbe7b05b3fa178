package io.sparkfeed.support;

import io.sparkfeed.billing.PaymentGateway;
import io.sparkfeed.billing.PaymentReceipt;
import io.sparkfeed.billing.PaymentRequest;
import io.sparkfeed.billing.PaymentStatus;
import java.util.UUID;

/**
 * A card processor as an operator would plug one in: it approves every charge at once (a receipt already paid),
 * so what was bought is granted without waiting. Offered after the built-in invoice method.
 */
public class CardGatewayForTests implements PaymentGateway {

    @Override
    public String method() {
        return "card";
    }

    @Override
    public String labelKey() {
        return "payment.method.card";
    }

    @Override
    public PaymentReceipt charge(PaymentRequest request) {
        return new PaymentReceipt(
                method(), "CARD-" + UUID.randomUUID().toString().substring(0, 12), PaymentStatus.PAID);
    }

    @Override
    public void cancel(String reference) {
        // a refund at the processor; nothing is kept here
    }
}
