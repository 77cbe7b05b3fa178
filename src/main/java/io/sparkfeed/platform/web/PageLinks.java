package io.sparkfeed.platform.web;

/**
 * A page's absolute addresses for its head: the site's public address ({@code base}, for og:image and the like),
 * the page's canonical URL in the language it is shown in, its English and French versions (the language carried
 * in the URL, {@code ?lang=}, so each is indexable) and the version without a language ({@code x-default}: the
 * reader's browser chooses).
 */
public record PageLinks(String base, String canonical, String english, String french, String anyLanguage) {}
