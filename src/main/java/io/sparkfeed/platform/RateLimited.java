package io.sparkfeed.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A handler whose every call takes a token of {@link #value()}, before it runs: counted per signed-in account,
 * or per client address for a visitor (and always per address with {@code byAddress}). Refused with a 429 page.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface RateLimited {

    Limit value();

    /** Count by the client address even for a signed-in account (sign-ups). */
    boolean byAddress() default false;
}
