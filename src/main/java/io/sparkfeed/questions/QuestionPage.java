package io.sparkfeed.questions;

import io.sparkfeed.posts.Cursor;
import java.util.List;

/** A newest-first page of a product's questions and the cursor of the next page (null on the last). */
public record QuestionPage(List<QuestionView> questions, Cursor next) {

    public boolean hasNext() {
        return next != null;
    }
}
