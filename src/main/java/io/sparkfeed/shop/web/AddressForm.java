package io.sparkfeed.shop.web;

import io.sparkfeed.shop.ShippingAddress;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The shipping address fields of the confirmation and cart pages. */
record AddressForm(
        @NotBlank(message = "{shop.address.name.required}") @Size(max = 100, message = "{shop.address.tooLong}")
        String name,

        @NotBlank(message = "{shop.address.line1.required}") @Size(max = 200, message = "{shop.address.tooLong}")
        String line1,

        @Size(max = 200, message = "{shop.address.tooLong}") String line2,

        @NotBlank(message = "{shop.address.city.required}") @Size(max = 100, message = "{shop.address.tooLong}")
        String city,

        @NotBlank(message = "{shop.address.postcode.required}") @Size(max = 20, message = "{shop.address.tooLong}")
        String postcode,

        @NotBlank(message = "{shop.address.country.required}") @Size(max = 60, message = "{shop.address.tooLong}")
        String country) {

    static AddressForm of(ShippingAddress a) {
        return a == null
                ? new AddressForm("", "", "", "", "", "")
                : new AddressForm(a.name(), a.line1(), a.line2(), a.city(), a.postcode(), a.country());
    }

    ShippingAddress address() {
        return new ShippingAddress(
                name.strip(),
                line1.strip(),
                line2 == null ? "" : line2.strip(),
                city.strip(),
                postcode.strip(),
                country.strip());
    }
}
