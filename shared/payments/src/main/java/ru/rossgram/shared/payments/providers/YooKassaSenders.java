package ru.rossgram.shared.payments.providers;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks YooKassa sends notifications from, as its "Incoming notifications" page lists them. The list
 * changes rarely; when it does, this is the one place to edit.
 */
final class YooKassaSenders {
    static final List<String> NETWORKS = List.of(
            "185.71.76.0/27", "185.71.77.0/27", "77.75.153.0/25", "77.75.156.11/32", "77.75.156.35/32",
            "77.75.154.128/25", "2a02:5180::/32");

    // Only address literals reach InetAddress, so a header value can never make us resolve a host name.
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private YooKassaSenders() {
    }

    static boolean includes(String sourceIp) {
        if (sourceIp == null || !(IPV4.matcher(sourceIp).matches() || IPV6.matcher(sourceIp).matches())) {
            return false;
        }
        try {
            byte[] address = InetAddress.getByName(sourceIp).getAddress();
            return NETWORKS.stream().anyMatch(network -> contains(network, address));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean contains(String network, byte[] address) {
        int slash = network.indexOf('/');
        byte[] base;
        try {
            base = InetAddress.getByName(network.substring(0, slash)).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("bad network literal " + network, e);
        }
        if (base.length != address.length) {
            return false;
        }
        int bits = base.length * 8;
        int shift = bits - Integer.parseInt(network.substring(slash + 1));
        return new BigInteger(1, base).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
    }
}
