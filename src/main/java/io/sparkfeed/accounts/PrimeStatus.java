package io.sparkfeed.accounts;

import java.time.Instant;

/** The membership that makes an account Prime right now. */
public record PrimeStatus(Plan plan, Instant startsAt, Instant endsAt) {}
