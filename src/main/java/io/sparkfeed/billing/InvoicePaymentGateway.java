package io.sparkfeed.billing;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The offline method every instance has: the charge is recorded as an invoice the buyer owes. */
@Component
class InvoicePaymentGateway implements PaymentGateway {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final InvoiceRepository invoices;
    private final Clock clock;

    InvoicePaymentGateway(InvoiceRepository invoices, Clock clock) {
        this.invoices = invoices;
        this.clock = clock;
    }

    @Override
    public String method() {
        return "invoice";
    }

    @Override
    public String labelKey() {
        return "payment.method.invoice";
    }

    @Override
    @Transactional
    public PaymentReceipt charge(PaymentRequest request) {
        Instant now = clock.instant();
        byte[] random = new byte[5];
        RANDOM.nextBytes(random);
        String reference = "INV-" + now.toString().substring(0, 10).replace("-", "") + "-"
                + HexFormat.of().withUpperCase().formatHex(random);
        Invoice invoice = invoices.save(new Invoice(request, method(), reference, now));
        return new PaymentReceipt(method(), invoice.reference(), invoice.status());
    }

    /** An invoice not yet paid is voided; a paid one stays for the operator to refund by hand. */
    @Override
    @Transactional
    public void cancel(String reference) {
        invoices.voidOwed(reference);
    }
}
