package io.sparkfeed.accounts;

import java.time.Instant;

/** A data export as its owner's page shows it. */
public record DataExport(
        long id, Status status, int partsDone, int partsTotal, Instant requestedAt, Instant expiresAt, Long sizeBytes) {

    /** Where an export is. */
    public enum Status {
        /** Waiting for an instance to build it. */
        PENDING,
        /** Being built: {@code partsDone} of {@code partsTotal}. */
        RUNNING,
        /** Ready for download until {@code expiresAt}. */
        READY,
        /** Building it failed; a new one may be asked for. */
        FAILED,
        /** Its seven days are over and its file is deleted. */
        EXPIRED
    }

    public boolean inProgress() {
        return status == Status.PENDING || status == Status.RUNNING;
    }

    /** Done as a whole percentage, for the progress bar. */
    public int percent() {
        return partsTotal == 0 ? 0 : Math.min(100, partsDone * 100 / partsTotal);
    }
}
