package io.keyturn.callers.entity;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which reverse proxies' {@code X-Forwarded-For} is believed. Immutable and checked when made: an entry that can
 * never equal a peer address (a host name, a blank-padded address) would silently leave a proxy untrusted, so it
 * fails start-up naming the property instead. Read by {@link io.keyturn.callers.control.ClientAddressSettingsProducer}.
 *
 * @param trustedProxies {@value #TRUSTED_PROXIES}: IP addresses as the server reports a TCP peer, or {@code *} for
 *                       any sender (only behind a proxy that always sets the header); none by default
 */
public record ClientAddressSettings(List<String> trustedProxies) {

    public static final String TRUSTED_PROXIES = "keyturn.client-address.trusted-proxies";
    public static final String ANY = "*";

    /** An IPv4 or IPv6 literal, IPv6 possibly with a zone ({@code fe80::1%eth0}). */
    private static final Pattern IP_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}(%[0-9A-Za-z_.-]+)?");

    public ClientAddressSettings {
        // empty entries (a trailing comma) never matched anything, so dropping them changes nothing
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(entry -> !entry.isEmpty()).toList();
        for (String entry : trustedProxies) {
            if (!ANY.equals(entry) && !IP_ADDRESS.matcher(entry).matches()) {
                throw new IllegalArgumentException(TRUSTED_PROXIES + " must list IP addresses or *, not \"" + entry
                        + "\"");
            }
        }
    }

    public boolean trusts(String address) {
        return trustedProxies.contains(ANY) || trustedProxies.contains(address);
    }
}
