package io.sparkfeed.posts;

import io.sparkfeed.platform.UserFacingException;

/** The posting policy stopped the account; carries the decision so the page can say what to do. */
public class PostingRefusedException extends UserFacingException {

    private final transient PostingDecision decision;

    public PostingRefusedException(PostingDecision decision) {
        super(decision.reasonKey(), decision.reasonArguments());
        this.decision = decision;
    }

    public PostingDecision decision() {
        return decision;
    }
}
