package io.sparkfeed.shop.web;

/** Reads an attribution post id from a request parameter: a positive number, or null. */
final class PostIds {

    private PostIds() {
    }

    static Long parse(String value) {
        if (value == null || value.isBlank() || value.length() > 18 || !value.strip().chars().allMatch(Character::isDigit)) {
            return null;
        }
        long id = Long.parseLong(value.strip());
        return id > 0 ? id : null;
    }
}
