package io.sparkfeed.posts;

import java.util.Optional;
import org.springframework.data.repository.Repository;

interface CommentRepository extends Repository<Comment, Long> {

    Comment save(Comment comment);

    Optional<Comment> findById(Long id);

    void delete(Comment comment);
}
