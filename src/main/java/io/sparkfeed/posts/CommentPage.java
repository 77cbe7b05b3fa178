package io.sparkfeed.posts;

import java.util.List;

/** One page of a post's comments, oldest first, and where the next page starts (null on the last page). */
public record CommentPage(List<CommentView> comments, Cursor next) {}
