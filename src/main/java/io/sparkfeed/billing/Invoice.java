package io.sparkfeed.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A payment recorded by a gateway; with "pay by invoice" it stays owed until the operator marks it paid. */
@Entity
@Table(name = "invoices")
class Invoice {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;
    private String method;
    private String description;
    private BigDecimal amount;
    private String currency;

    @Enumerated(EnumType.STRING)
    private PaymentStatus status;

    private String reference;
    private Instant createdAt;

    protected Invoice() {}

    Invoice(PaymentRequest request, String method, String reference, Instant now) {
        this.accountId = request.accountId();
        this.method = method;
        this.description = request.description();
        this.amount = request.amount();
        this.currency = request.currency();
        this.status = PaymentStatus.OWED;
        this.reference = reference;
        this.createdAt = now;
    }

    String reference() {
        return reference;
    }

    PaymentStatus status() {
        return status;
    }
}
