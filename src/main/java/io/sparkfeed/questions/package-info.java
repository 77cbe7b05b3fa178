/**
 * Product questions: people ask about a product on its page or on a post that tags it; people who posted or bought
 * the product answer, with a badge saying which. The questions of every post are gathered on the product's page.
 */
@ApplicationModule(
        displayName = "Questions",
        allowedDependencies = {"platform", "accounts", "catalog", "posts"})
package io.sparkfeed.questions;

import org.springframework.modulith.ApplicationModule;
