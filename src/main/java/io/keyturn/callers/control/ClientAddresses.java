package io.keyturn.callers.control;

import io.keyturn.callers.entity.ClientAddressSettings;
import io.keyturn.callers.entity.ClientInfo;
import io.keyturn.callers.entity.IpAddresses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request: the TCP peer, unless that peer is a trusted proxy
 * ({@code keyturn.client-address.trusted-proxies}), in which case X-Forwarded-For is read from the right, past the
 * trusted proxies (with {@code *}, the right-most hop: the one the proxy appended). Used for sessions, the security
 * log and per-address throttling, so the answer is always an address in its canonical spelling: a port a proxy
 * appended is dropped, or each connection would count apart.
 * <p>
 * Everything left of the nearest proxy's entry is whatever the client wrote, so only the hops the walk reaches are
 * read: a malformed one there ends the walk at the last address known, and whatever lies further left is ignored.
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    ClientAddressSettings settings;

    public ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getHeader("User-Agent"), addressOf(request));
    }

    public String addressOf(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (!settings.trustsPeer(peer)) {
            return peer;
        }
        List<String> hops = forwardedHops(request);
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<String> hop = IpAddresses.ofForwardedHop(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!settings.trustsHop(client)) {
                return client;
            }
        }
        return client;
    }

    /**
     * Every X-Forwarded-For line, in order, as one list (RFC 9110 §5.3): a proxy that adds a line of its own leaves
     * the client's line before it, and reading the first line alone let a client name its address.
     */
    private static List<String> forwardedHops(HttpServletRequest request) {
        Enumeration<String> lines = request.getHeaders("X-Forwarded-For");
        return lines == null ? List.of() : Collections.list(lines).stream()
                .flatMap(line -> Arrays.stream(line.split(",", -1))).map(String::strip).toList();
    }
}
