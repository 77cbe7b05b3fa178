package io.sparkfeed.accounts;

/** One of the interests people pick and posts carry; its name comes from messages ({@code interest.<slug>}). */
public record Interest(int id, String slug) {

    public String nameKey() {
        return "interest." + slug;
    }
}
