package io.sparkfeed.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FileClaimsTest {

    private static final String KEY = "0123456789abcdef0123456789abcdef";

    private final FileClaims claims = new FileClaims();
    private final List<Set<Integer>> deleted = new ArrayList<>();

    @Test
    void aRolledBackStoreDeletesTheFilesItWrote() {
        assertThat(claims.claim(KEY)).isTrue();
        claims.created(KEY, 320);
        claims.created(KEY, 640);
        claims.release(KEY, false, deleted::add);
        assertThat(deleted).containsExactly(Set.of(320, 640));
    }

    @Test
    void aCommittedStoreKeepsItsFiles() {
        claims.claim(KEY);
        claims.created(KEY, 320);
        claims.release(KEY, true, deleted::add);
        assertThat(deleted).isEmpty();
    }

    @Test
    void filesAnotherStoreReliesOnSurviveTheFirstStoresRollback() {
        claims.claim(KEY); // A writes the files
        claims.created(KEY, 320);
        assertThat(claims.claim(KEY)).isFalse(); // B finds them and relies on them
        claims.release(KEY, false, deleted::add); // A rolls back
        assertThat(deleted).isEmpty();
        claims.release(KEY, true, deleted::add); // B commits the row
        assertThat(deleted).isEmpty();
    }

    @Test
    void theLastOfSeveralRolledBackStoresDeletesTheFiles() {
        claims.claim(KEY);
        claims.created(KEY, 320);
        claims.claim(KEY);
        claims.release(KEY, false, deleted::add);
        claims.release(KEY, false, deleted::add);
        assertThat(deleted).containsExactly(Set.of(320));
    }

    @Test
    void aRowCommittedElsewhereProtectsTheFiles() {
        claims.claim(KEY);
        claims.created(KEY, 320);
        claims.committed(KEY); // the insert met the row of a transaction that committed meanwhile
        claims.release(KEY, false, deleted::add);
        assertThat(deleted).isEmpty();
    }

    @Test
    void aDeletedImagesFilesWaitForAStoreInFlight() {
        claims.claim(KEY);
        claims.deleteUnlessClaimed(KEY, Set.of(320, 640), deleted::add);
        assertThat(deleted).isEmpty();
        claims.release(KEY, false, deleted::add);
        assertThat(deleted).containsExactly(Set.of(320, 640));

        deleted.clear();
        claims.deleteUnlessClaimed(KEY, Set.of(320), deleted::add);
        assertThat(deleted).containsExactly(Set.of(320));
    }
}
