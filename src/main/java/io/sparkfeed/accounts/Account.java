package io.sparkfeed.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person's or a brand's account. */
@Entity
@Table(name = "accounts")
class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String email;
    private String handle;
    private String displayName;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private AccountKind kind;

    private boolean admin;

    @Enumerated(EnumType.STRING)
    private EnthusiastStatus enthusiast;

    private Instant suspendedAt;
    private String suspensionReason;

    @Column(updatable = false)
    private Instant createdAt;

    private Instant emailVerifiedAt;

    private Instant brandRequestedAt;

    // only ever incremented in SQL (Accounts.logOutEverywhere): a flush of this entity must not write it back
    @Column(insertable = false, updatable = false)
    private int sessionVersion;

    protected Account() {}

    Account(
            String email,
            String handle,
            String displayName,
            String passwordHash,
            AccountKind kind,
            boolean emailVerified,
            Instant now) {
        this.email = email;
        this.handle = handle;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        // a brand is whatever an admin verified: until then, a brand's sign-up is a person with a request
        this.kind = kind == AccountKind.BRAND ? AccountKind.PERSON : kind;
        this.brandRequestedAt = kind == AccountKind.BRAND ? now : null;
        this.enthusiast = EnthusiastStatus.NONE;
        this.createdAt = now;
        this.emailVerifiedAt = emailVerified ? now : null;
    }

    Long id() {
        return id;
    }

    String email() {
        return email;
    }

    String handle() {
        return handle;
    }

    String displayName() {
        return displayName;
    }

    String passwordHash() {
        return passwordHash;
    }

    AccountKind kind() {
        return kind;
    }

    boolean admin() {
        return admin;
    }

    EnthusiastStatus enthusiast() {
        return enthusiast;
    }

    boolean suspended() {
        return suspendedAt != null;
    }

    Instant suspendedAt() {
        return suspendedAt;
    }

    String suspensionReason() {
        return suspensionReason;
    }

    Instant createdAt() {
        return createdAt;
    }

    int sessionVersion() {
        return sessionVersion;
    }

    boolean emailVerified() {
        return emailVerifiedAt != null;
    }

    void verifyEmail(Instant now) {
        if (emailVerifiedAt == null) {
            this.emailVerifiedAt = now;
        }
    }

    /** A new address, verified by the link that was mailed to it. */
    void changeEmail(String email, Instant now) {
        this.email = email;
        this.emailVerifiedAt = now;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void makeAdmin() {
        this.admin = true;
    }

    boolean brandRequested() {
        return brandRequestedAt != null;
    }

    /** An admin's decision: the kind it now is, which answers any brand request. */
    void changeKind(AccountKind kind) {
        this.kind = kind;
        this.brandRequestedAt = null;
    }

    void changeEnthusiast(EnthusiastStatus status) {
        this.enthusiast = status;
    }

    void suspend(String reason, Instant now) {
        this.suspendedAt = now;
        this.suspensionReason = reason;
    }

    void reinstate() {
        this.suspendedAt = null;
        this.suspensionReason = null;
    }
}
