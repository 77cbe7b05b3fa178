package io.sparkfeed.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The client address a limit counts by: an IPv4 address as is, an IPv6 address by its /64 (one home or one server
 * gets a whole /64, so counting single addresses would let it rotate through 2^64 of them).
 */
public final class ClientAddress {

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private ClientAddress() {}

    public static String of(String remoteAddress) {
        if (remoteAddress == null) {
            return "unknown";
        }
        String literal = remoteAddress.startsWith("[") && remoteAddress.endsWith("]")
                ? remoteAddress.substring(1, remoteAddress.length() - 1)
                : remoteAddress;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // only a literal reaches getByName, so this never asks DNS
        if (!LITERAL.matcher(literal).matches()) {
            return other(remoteAddress);
        }
        try {
            InetAddress address = InetAddress.getByName(literal);
            if (address instanceof Inet6Address) {
                byte[] bytes = address.getAddress();
                StringBuilder prefix = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff)))
                            .append(':');
                }
                return prefix.append(":/64").toString();
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return other(remoteAddress);
        }
    }

    private static String other(String remoteAddress) {
        return "other:" + remoteAddress.substring(0, Math.min(remoteAddress.length(), 64));
    }
}
