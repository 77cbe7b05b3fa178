package io.sparkfeed.media;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Which stores of a key are still inside their transaction, and which files they wrote. Two uploads of the same
 * photo may run at once: the second reuses the files the first wrote, so those files may only go away when
 * every transaction that relied on them rolled back, and never once one of them committed the row.
 *
 * <p>In memory, for the stores of this instance; it decides, and the deletion runs outside its lock. What makes a
 * deletion safe against a store starting meanwhile, here or on another instance sharing the files (an S3 bucket),
 * is in {@link Images}: a store takes the photo's PostgreSQL lock before looking for its files, and a deletion
 * takes the same lock and deletes only while no row has the key.
 */
final class FileClaims {

    private static final class Claim {
        int holders;
        boolean committed;
        final Set<Integer> created = new TreeSet<>();
    }

    private final Map<String, Claim> claims = new HashMap<>();

    /** A store starts relying on the key's files; true when no other store of the key is in flight. */
    synchronized boolean claim(String key) {
        Claim claim = claims.computeIfAbsent(key, k -> new Claim());
        claim.holders++;
        return claim.holders == 1;
    }

    /** The store wrote this file: if all stores of the key roll back, it must go. */
    synchronized void created(String key, int width) {
        claims.get(key).created.add(width);
    }

    /** The row exists, committed (by this store or another one): its files stay whatever happens next. */
    synchronized void committed(String key) {
        claims.get(key).committed = true;
    }

    /**
     * The store's transaction ended. The last one out deletes the files the stores wrote, unless one of them
     * committed the row.
     */
    void release(String key, boolean committed, Consumer<Set<Integer>> deleteFiles) {
        Set<Integer> toDelete;
        synchronized (this) {
            Claim claim = claims.get(key);
            claim.committed |= committed;
            if (--claim.holders > 0) {
                return;
            }
            claims.remove(key);
            if (claim.committed || claim.created.isEmpty()) {
                return;
            }
            toDelete = Set.copyOf(claim.created);
        }
        deleteFiles.accept(toDelete);
    }

    /**
     * The row of the key is gone for good: deletes its files, unless a store of the same photo is in flight, which
     * then owns them (and deletes them if it rolls back).
     */
    void deleteUnlessClaimed(String key, Set<Integer> widths, Consumer<Set<Integer>> deleteFiles) {
        synchronized (this) {
            Claim claim = claims.get(key);
            if (claim != null) {
                claim.created.addAll(widths);
                return;
            }
        }
        deleteFiles.accept(widths);
    }
}
