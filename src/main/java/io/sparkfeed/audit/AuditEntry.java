package io.sparkfeed.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** An audit row; immutable in Hibernate and in the database. */
@Entity
@Immutable
@Table(name = "audit_entries")
class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long actorId;
    private String action;
    private String targetType;
    private Long targetId;
    private String reason;
    private String details;
    private Instant createdAt;

    protected AuditEntry() {}

    AuditEntry(
            long actorId, String action, String targetType, long targetId, String reason, String details, Instant now) {
        this.actorId = actorId;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.reason = reason;
        this.details = details;
        this.createdAt = now;
    }
}
