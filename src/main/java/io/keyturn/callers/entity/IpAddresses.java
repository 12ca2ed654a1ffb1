package io.keyturn.callers.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IP address literals in one canonical spelling, so that a configured {@code ::1} equals the
 * {@code 0:0:0:0:0:0:0:1} the server reports as the TCP peer. Never a DNS lookup: IPv4 is parsed here, and only text
 * that is certainly an IPv6 literal (hex digits and colons, perhaps a dotted IPv4 tail) reaches
 * {@link InetAddress#getByName}, which takes text with a colon that starts with a hex digit or a colon as a literal.
 */
public final class IpAddresses {

    /** Four decimal numbers without leading zeros: the only IPv4 spelling a server reports. */
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})\\."
            + "(0|[1-9][0-9]{0,2})\\.(0|[1-9][0-9]{0,2})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:]*"
            + "([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})?");
    private static final Pattern PORT = Pattern.compile(":[0-9]{1,5}");
    /** An interface name or number after {@code %} ({@code fe80::1%eth0}); kept as written, never looked up. */
    private static final Pattern ZONE = Pattern.compile("[0-9A-Za-z_.-]+");

    private IpAddresses() {
    }

    /**
     * The address as {@link InetAddress#getHostAddress} spells it (IPv6 in eight lower-case groups, an IPv4-mapped
     * IPv6 address as IPv4), with its zone as written; empty when the text is no IP address literal.
     */
    public static Optional<String> canonical(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int percent = text.indexOf('%');
        String address = percent < 0 ? text : text.substring(0, percent);
        String zone = percent < 0 ? "" : text.substring(percent + 1);
        if (percent >= 0 && !ZONE.matcher(zone).matches()) {
            return Optional.empty();
        }
        Optional<String> canonical = ipv4(address).or(() -> ipv6(address));
        return percent < 0 ? canonical : canonical.filter(c -> c.contains(":")).map(c -> c + "%" + zone);
    }

    /**
     * The address an X-Forwarded-For hop names, canonical as {@link #canonical}, without the port some proxies
     * append ({@code 203.0.113.7:50021}, {@code [2001:db8::1]:443}); empty when the hop names no address.
     */
    public static Optional<String> ofForwardedHop(String hop) {
        if (hop.startsWith("[")) {
            int close = hop.indexOf(']');
            if (close < 0 || !(close == hop.length() - 1 || port(hop.substring(close + 1)))) {
                return Optional.empty();
            }
            return canonical(hop.substring(1, close)).filter(address -> address.contains(":"));
        }
        int colon = hop.indexOf(':');
        if (colon > 0 && colon == hop.lastIndexOf(':')) {
            // one colon: IPv4 and its port (an IPv6 literal has at least two)
            return port(hop.substring(colon)) ? ipv4(hop.substring(0, colon)) : Optional.empty();
        }
        return canonical(hop);
    }

    /** A colon and a TCP port number. */
    private static boolean port(String text) {
        return PORT.matcher(text).matches() && Integer.parseInt(text.substring(1)) <= 65535;
    }

    private static Optional<String> ipv4(String text) {
        Matcher quad = IPV4.matcher(text);
        if (!quad.matches()) {
            return Optional.empty();
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(quad.group(i)) > 255) {
                return Optional.empty();
            }
        }
        return Optional.of(text);
    }

    private static Optional<String> ipv6(String text) {
        if (!IPV6.matcher(text).matches() || text.length() > 45) {
            return Optional.empty();
        }
        try {
            // a literal (see the class comment); an IPv4-mapped address comes back as IPv4, as Java reports such a peer
            return Optional.of(InetAddress.getByName(text).getHostAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
