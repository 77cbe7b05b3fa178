package io.sparkfeed.billing;

import io.sparkfeed.platform.UserFacingException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Routes a charge to the gateway the buyer chose. */
@Service
public class Payments {

    private final Map<String, PaymentGateway> gateways;
    private final ApplicationEventPublisher events;

    Payments(List<PaymentGateway> gateways, ApplicationEventPublisher events) {
        this.events = events;
        this.gateways = gateways.stream()
                .collect(Collectors.toMap(
                        PaymentGateway::method,
                        Function.identity(),
                        (a, b) -> {
                            throw new IllegalStateException("Two payment gateways are named " + a.method());
                        },
                        LinkedHashMap::new));
    }

    public List<PaymentMethodOption> methods() {
        return gateways.values().stream()
                .map(g -> new PaymentMethodOption(g.method(), g.labelKey()))
                .toList();
    }

    public boolean supports(String method) {
        return method != null && gateways.containsKey(method);
    }

    public PaymentReceipt charge(String method, PaymentRequest request) {
        PaymentGateway gateway = gateways.get(method);
        if (gateway == null) {
            throw new UserFacingException("payment.unknownMethod");
        }
        return gateway.charge(request);
    }

    /**
     * A gateway that learns only later that a payment went through (a processor's webhook, a 3-D Secure return)
     * calls this inside its transaction: what the payment bought is granted in the same commit. A gateway whose
     * {@link PaymentGateway#charge} already answers {@link PaymentStatus#PAID} needs no confirmation.
     */
    public void confirm(String method, String reference, long accountId) {
        if (!gateways.containsKey(method)) {
            throw new IllegalArgumentException("no payment gateway is named " + method);
        }
        events.publishEvent(new PaymentConfirmed(method, reference, accountId));
    }

    /** Cancels the payment of a cancelled purchase through the gateway that recorded it. */
    public void cancel(String method, String reference) {
        PaymentGateway gateway = gateways.get(method);
        if (gateway != null && reference != null) {
            gateway.cancel(reference);
        }
    }
}
