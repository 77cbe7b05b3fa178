package io.sparkfeed.media;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Which stores of a key are still inside their transaction, and which files they wrote. Two uploads of the same
 * photo may run at once: the second reuses the files the first wrote, so those files may only go away when
 * every transaction that relied on them rolled back, and never once one of them committed the row. Deciding and
 * deleting happen under one lock, so no store can start relying on a file that is being deleted.
 *
 * <p>In memory, like the rest of Sparkfeed's coordination: one application instance per data directory.
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
    synchronized void release(String key, boolean committed, Consumer<Set<Integer>> deleteFiles) {
        Claim claim = claims.get(key);
        claim.committed |= committed;
        if (--claim.holders > 0) {
            return;
        }
        claims.remove(key);
        if (!claim.committed && !claim.created.isEmpty()) {
            deleteFiles.accept(claim.created);
        }
    }

    /**
     * The row of the key is gone for good: deletes its files, unless a store of the same photo is in flight, which
     * then owns them (and deletes them if it rolls back).
     */
    synchronized void deleteUnlessClaimed(String key, Set<Integer> widths, Consumer<Set<Integer>> deleteFiles) {
        Claim claim = claims.get(key);
        if (claim == null) {
            deleteFiles.accept(widths);
        } else {
            claim.created.addAll(widths);
        }
    }
}
