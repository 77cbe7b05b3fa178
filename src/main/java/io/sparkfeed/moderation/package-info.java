/**
 * Moderation: reports and their queue, takedowns of posts and comments, account suspensions (which also end
 * the account's sessions), and the enthusiast program's applications and reviews. Every admin action is written
 * to the audit log in the same transaction. Its decisions are published as events (takedowns, enthusiast
 * decisions) that notifications turns into messages for the people concerned.
 */
@ApplicationModule(
        displayName = "Moderation",
        allowedDependencies = {"accounts", "posts", "catalog", "media", "audit", "platform", "questions"})
package io.sparkfeed.moderation;

import org.springframework.modulith.ApplicationModule;
