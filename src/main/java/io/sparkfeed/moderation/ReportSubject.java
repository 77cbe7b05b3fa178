package io.sparkfeed.moderation;

/**
 * The reported item as the report form and the queue name it: its author (the account itself for an account),
 * a short text (caption, comment body or display name) and, for a comment, its post.
 */
public record ReportSubject(
        ReportTarget target, long targetId, long authorId, String authorHandle, String text, Long postId) {

    /** Where the item is seen. */
    public String path() {
        if (target == ReportTarget.POST) {
            return "/posts/" + targetId;
        }
        if (target == ReportTarget.COMMENT) {
            return "/posts/" + postId + "#comment-" + targetId;
        }
        return "/@" + authorHandle;
    }
}
