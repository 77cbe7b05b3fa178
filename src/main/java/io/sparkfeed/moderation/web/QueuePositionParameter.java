package io.sparkfeed.moderation.web;

import io.sparkfeed.moderation.QueuePage;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the report queue's {@code ?after=}: blank is the first page, a position we wrote is read, and anything else
 * is refused (the conversion fails, so the page answers 400).
 */
@Component
class QueuePositionParameter implements Converter<String, QueuePage.Position> {

    @Override
    public QueuePage.Position convert(String text) {
        if (text.isBlank()) {
            return null;
        }
        QueuePage.Position position = QueuePage.Position.parse(text);
        if (position == null) {
            throw new IllegalArgumentException("not a queue position");
        }
        return position;
    }
}
