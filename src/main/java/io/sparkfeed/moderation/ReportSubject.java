package io.sparkfeed.moderation;

/**
 * The reported item as the report form and the queue name it: its author (the account itself for an account),
 * a short text (caption, comment body, question or answer, or display name) and, for a comment, its post (for an
 * answer, its question).
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
        if (target == ReportTarget.QUESTION) {
            return "/questions/" + targetId;
        }
        if (target == ReportTarget.ANSWER) {
            return "/questions/" + postId + "#answer-" + targetId;
        }
        return "/@" + authorHandle;
    }
}
