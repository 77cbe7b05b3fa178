package io.sparkfeed.media;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds decoding, for the instance and for each account. An account over its share is refused at once; an upload
 * finding the instance busy waits a little, holding a request thread but no database connection, then is refused.
 * The per-account counts hold only the accounts decoding right now, so the map stays as small as the limit.
 */
final class DecodeSlots {

    /** A decode in progress; closing it frees the slot. */
    interface Slot extends AutoCloseable {
        @Override
        void close();
    }

    private final Semaphore instance;
    private final int perAccount;
    private final long waitMillis;
    private final ConcurrentHashMap<Long, Integer> accounts = new ConcurrentHashMap<>();

    DecodeSlots(MediaProperties properties) {
        this.instance = new Semaphore(Math.max(1, properties.concurrentDecodes()), true);
        this.perAccount = Math.max(1, properties.decodesPerAccount());
        this.waitMillis = properties.decodeWait().toMillis();
    }

    /** A slot for the account ({@code null}: work of the instance itself, counted only against the instance). */
    Slot acquire(Long accountId) {
        if (accountId != null) {
            boolean[] over = new boolean[1];
            accounts.compute(accountId, (id, running) -> {
                int now = running == null ? 0 : running;
                over[0] = now >= perAccount;
                return over[0] ? running : now + 1;
            });
            if (over[0]) {
                throw new ImagesBusyException(true);
            }
        }
        boolean acquired;
        try {
            acquired = instance.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            leave(accountId);
            throw new ImagesBusyException(false);
        }
        return () -> {
            instance.release();
            leave(accountId);
        };
    }

    private void leave(Long accountId) {
        if (accountId != null) {
            accounts.computeIfPresent(accountId, (id, running) -> running <= 1 ? null : running - 1);
        }
    }
}
