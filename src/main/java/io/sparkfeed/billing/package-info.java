/**
 * Payments: the {@link io.sparkfeed.billing.PaymentGateway} every purchase goes through, and the invoices the
 * built-in "pay by invoice" method records. An operator plugs a card processor in by adding another gateway bean.
 */
@ApplicationModule(displayName = "Billing")
package io.sparkfeed.billing;

import org.springframework.modulith.ApplicationModule;
