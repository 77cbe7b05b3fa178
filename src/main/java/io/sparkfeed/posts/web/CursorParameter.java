package io.sparkfeed.posts.web;

import io.sparkfeed.posts.Cursor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads a list position from a query string ({@code ?after=}, {@code ?comments=}): blank is the first page, a
 * cursor we wrote is read, and anything else is refused (the conversion fails, so the page answers 400) rather
 * than silently read as the first page. Spring Boot adds every {@link Converter} bean to MVC's conversion service.
 */
@Component
class CursorParameter implements Converter<String, Cursor> {

    @Override
    public Cursor convert(String text) {
        if (text.isBlank()) {
            return null;
        }
        Cursor cursor = Cursor.parse(text);
        if (cursor == null) {
            throw new IllegalArgumentException("not a list position");
        }
        return cursor;
    }
}
