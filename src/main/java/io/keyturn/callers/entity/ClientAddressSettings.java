package io.keyturn.callers.entity;

import java.util.List;

/**
 * Which reverse proxies' {@code X-Forwarded-For} is believed. Immutable and checked when made: an entry that can
 * never equal a peer address (a host name, a blank-padded address, text that only looks like an address, such as
 * {@code cafe} or {@code 1.2.3.4.5}) would silently leave a proxy untrusted, so it fails start-up naming the property
 * instead. Entries and peers are compared in one spelling ({@link IpAddresses#canonical}): the server reports
 * {@code ::1} as {@code 0:0:0:0:0:0:0:1}. Read by {@link io.keyturn.callers.control.ClientAddressSettingsProducer}.
 *
 * @param trustedProxies {@value #TRUSTED_PROXIES}: IP addresses, kept in their canonical spelling, or {@code *} for
 *                       any sender (only behind a proxy that always sets the header); none by default. {@code *}
 *                       trusts the TCP peer only: a hop inside {@code X-Forwarded-For} is trusted only when listed,
 *                       since everything left of the nearest proxy's own entry is whatever the client wrote
 */
public record ClientAddressSettings(List<String> trustedProxies) {

    public static final String TRUSTED_PROXIES = "keyturn.client-address.trusted-proxies";
    public static final String ANY = "*";

    public ClientAddressSettings {
        // empty entries (a trailing comma) never matched anything, so dropping them changes nothing
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(entry -> !entry.isEmpty()).map(ClientAddressSettings::checked)
                        .toList();
    }

    /** Whether the TCP peer is a proxy whose {@code X-Forwarded-For} is believed. */
    public boolean trustsPeer(String address) {
        return trustedProxies.contains(ANY) || listed(address);
    }

    /**
     * Whether a hop named inside {@code X-Forwarded-For} is a proxy to read past. {@code *} does not count here: with
     * it every hop would be read past and the client-written left-most one taken, so a client could pick its address.
     */
    public boolean trustsHop(String address) {
        return listed(address);
    }

    private boolean listed(String address) {
        return IpAddresses.canonical(address).filter(trustedProxies::contains).isPresent();
    }

    private static String checked(String entry) {
        if (ANY.equals(entry)) {
            return entry;
        }
        return IpAddresses.canonical(entry).orElseThrow(() -> new IllegalArgumentException(TRUSTED_PROXIES
                + " must list IP addresses or *, not \"" + entry + "\""));
    }
}
