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

/** One Prime period of an account: Prime while {@code startsAt <= now < endsAt}. */
@Entity
@Table(name = "memberships")
class Membership {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long accountId;

    @Enumerated(EnumType.STRING)
    private Plan plan;

    private Instant startsAt;
    private Instant endsAt;

    @Column(updatable = false)
    private Instant createdAt;

    protected Membership() {}

    Membership(Long accountId, Plan plan, Instant startsAt, Instant endsAt, Instant now) {
        this.accountId = accountId;
        this.plan = plan;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.createdAt = now;
    }

    Long accountId() {
        return accountId;
    }

    Plan plan() {
        return plan;
    }

    Instant startsAt() {
        return startsAt;
    }

    Instant endsAt() {
        return endsAt;
    }

    boolean covers(Instant instant) {
        return !startsAt.isAfter(instant) && endsAt.isAfter(instant);
    }

    /** Ends the period now; a period that had not started yet is ended before it starts. */
    void endAt(Instant now) {
        if (startsAt.isAfter(now)) {
            this.endsAt = startsAt.plusNanos(1000);
        } else {
            this.endsAt = now;
        }
    }
}
