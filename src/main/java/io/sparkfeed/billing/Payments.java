package io.sparkfeed.billing;

import io.sparkfeed.platform.UserFacingException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Routes a charge to the gateway the buyer chose. */
@Service
public class Payments {

    private final Map<String, PaymentGateway> gateways;

    Payments(List<PaymentGateway> gateways) {
        this.gateways = gateways.stream().collect(Collectors.toMap(PaymentGateway::method, Function.identity(),
                (a, b) -> {
                    throw new IllegalStateException("Two payment gateways are named " + a.method());
                }, java.util.LinkedHashMap::new));
    }

    public List<PaymentMethodOption> methods() {
        return gateways.values().stream().map(g -> new PaymentMethodOption(g.method(), g.labelKey())).toList();
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

    /** Cancels the payment of a cancelled purchase through the gateway that recorded it. */
    public void cancel(String method, String reference) {
        PaymentGateway gateway = gateways.get(method);
        if (gateway != null && reference != null) {
            gateway.cancel(reference);
        }
    }
}
