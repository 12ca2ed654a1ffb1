package io.keyturn.callers.control;

import io.keyturn.callers.entity.ClientAddressSettings;
import io.keyturn.callers.entity.ClientInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request: the TCP peer, unless that peer is a trusted proxy
 * ({@code keyturn.client-address.trusted-proxies}), in which case X-Forwarded-For is read from the right, past the
 * trusted proxies (with {@code *}, the right-most hop: the one the proxy appended). Used for sessions, the security
 * log and per-address throttling.
 */
@ApplicationScoped
public class ClientAddresses {

    private static final Pattern ADDRESS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    @Inject
    ClientAddressSettings settings;

    public ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getHeader("User-Agent"), addressOf(request));
    }

    public String addressOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded == null || !settings.trustsPeer(peer)) {
            return peer;
        }
        List<String> hops = List.of(forwarded.split(",")).stream().map(String::strip).toList();
        if (hops.stream().anyMatch(hop -> !ADDRESS.matcher(hop).matches())) {
            return peer; // a malformed header is ignored rather than half-believed
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!settings.trustsHop(hops.get(i))) {
                return hops.get(i);
            }
        }
        return hops.get(0);
    }
}
