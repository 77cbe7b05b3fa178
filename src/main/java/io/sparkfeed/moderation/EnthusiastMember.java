package io.sparkfeed.moderation;

import io.sparkfeed.accounts.EnthusiastStatus;

/** An account in the enthusiast program (approved or suspended), with the posts its suspension hid. */
public record EnthusiastMember(
        long accountId, String handle, String displayName, EnthusiastStatus status, int postsHiddenBySuspension) {

    public boolean suspended() {
        return status == EnthusiastStatus.SUSPENDED;
    }
}
