package io.sparkfeed.billing;

/** A payment method a buyer can choose. */
public record PaymentMethodOption(String method, String labelKey) {}
