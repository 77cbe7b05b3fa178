package io.sparkfeed.questions;

/**
 * What entitled someone to answer, decided when they answered: they bought the product through Sparkfeed (paid,
 * not cancelled), or else they posted it (a visible post tagging it). Bought wins: it is the stronger word.
 */
public enum AnswerBadge {
    BOUGHT,
    POSTED;

    public String messageKey() {
        return this == BOUGHT ? "questions.badge.bought" : "questions.badge.posted";
    }
}
