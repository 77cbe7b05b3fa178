package io.sparkfeed.posts;

import java.util.Optional;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface PostRepository extends Repository<Post, Long> {

    Post save(Post post);

    Optional<Post> findById(Long id);

    void flush();

    @Modifying
    @Query(value = "update posts set smile_count = smile_count + :delta where id = :id", nativeQuery = true)
    void addSmiles(long id, int delta);

    @Modifying
    @Query(value = "update posts set save_count = greatest(save_count + :delta, 0) where id = :id", nativeQuery = true)
    void addSaves(long id, int delta);

    @Modifying
    @Query(value = "update posts set comment_count = comment_count + :delta where id = :id", nativeQuery = true)
    void addComments(long id, int delta);
}
