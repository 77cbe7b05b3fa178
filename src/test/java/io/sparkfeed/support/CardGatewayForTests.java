package io.sparkfeed.support;

import io.sparkfeed.billing.PaymentGateway;
import io.sparkfeed.billing.PaymentReceipt;
import io.sparkfeed.billing.PaymentRequest;
import io.sparkfeed.billing.PaymentStatus;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A card processor as an operator would plug one in: it approves every charge at once (a receipt already paid),
 * so what was bought is granted without waiting. Offered after the built-in invoice method. A test can make the
 * charges of one account wait for confirmation ({@link #awaitConfirmationFrom}), as a 3-D Secure check would, and
 * make the processor unreachable for one payment's cancellation ({@link #failCancelling}), and see how often a
 * cancellation was asked ({@link #cancellations}); {@link #reset} (after every test) takes all of it back.
 */
public class CardGatewayForTests implements PaymentGateway {

    private final Set<Long> awaitingConfirmation = ConcurrentHashMap.newKeySet();
    private final Set<String> unreachable = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> cancellations = new ConcurrentHashMap<>();

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
                method(),
                "CARD-" + UUID.randomUUID().toString().substring(0, 12),
                awaitingConfirmation.contains(request.accountId()) ? PaymentStatus.OWED : PaymentStatus.PAID);
    }

    @Override
    public void cancel(String reference) {
        cancellations.merge(reference, 1, Integer::sum);
        if (unreachable.contains(reference)) {
            throw new IllegalStateException("card processor unreachable");
        }
        // a refund at the processor; nothing is kept here
    }

    /** The account's next charges are owed until confirmed, not paid at once. */
    public void awaitConfirmationFrom(long accountId) {
        awaitingConfirmation.add(accountId);
    }

    /** Cancelling this payment fails until {@link #recover} or {@link #reset}. */
    public void failCancelling(String reference) {
        unreachable.add(reference);
    }

    /** The processor answers again for this payment. */
    public void recover(String reference) {
        unreachable.remove(reference);
    }

    /** How many times this payment's cancellation was asked, whether the processor answered or not. */
    public int cancellations(String reference) {
        return cancellations.getOrDefault(reference, 0);
    }

    public void reset() {
        awaitingConfirmation.clear();
        unreachable.clear();
        cancellations.clear();
    }
}
