package io.sparkfeed.shop;

/** Where an order goes; the account's saved one is copied onto each order. */
public record ShippingAddress(String name, String line1, String line2, String city, String postcode, String country) {}
