package io.keyturn.oauth.control;

import io.keyturn.audit.control.SecurityLog;
import io.keyturn.oauth.entity.AuthenticatedClient;
import io.keyturn.oauth.entity.Client;
import io.keyturn.oauth.entity.FormParameters;
import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.throttling.control.LoginThrottle;
import io.keyturn.throttling.entity.ThrottleReservation;
import io.keyturn.users.control.PrincipalNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Who is calling an OAuth endpoint (RFC 6749 §2.3): a confidential client with {@code client_secret_basic} or
 * {@code client_secret_post}, or a public client that sends only its {@code client_id}. One method per request.
 * <p>
 * Secret checks are throttled per client address like password checks ({@link LoginThrottle}): the attempt is reserved
 * before the secret is compared and settled by the outcome, so nobody sweeps client ids or secrets faster than
 * logins. Not per client id: a secret is 256 random bits, which no one guesses, and a count per id would let anyone
 * who knows the id lock its holder out. Failures are security events; the secret is never logged.
 */
@ApplicationScoped
public class ClientAuthentication {

    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";

    @Inject
    ClientRegistry registry;

    @Inject
    LoginThrottle throttle;

    @Inject
    PrincipalNames names;

    public AuthenticatedClient authenticate(String authorization, FormParameters form, String address) {
        Optional<BasicCredentials.Presented> basic = BasicCredentials.parse(authorization);
        Optional<String> formId = form.get(CLIENT_ID);
        Optional<String> formSecret = form.get(CLIENT_SECRET);
        if (basic.isPresent()) {
            if (formSecret.isPresent()) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "Use one client authentication method only");
            }
            if (formId.isPresent() && !formId.get().equals(basic.get().clientId())) {
                throw new OAuthException(OAuthError.INVALID_REQUEST, "client_id differs from the Basic credentials");
            }
            return confidential(basic.get().clientId(), basic.get().secret(), address);
        }
        String clientId = formId.orElseThrow(() -> new OAuthException(OAuthError.INVALID_CLIENT,
                "Identify the client: client_id (public clients) or client_secret_basic / client_secret_post"));
        if (formSecret.isPresent()) {
            return confidential(clientId, formSecret.get(), address);
        }
        return publicClient(clientId, address);
    }

    /** Only the confidential clients may call introspection (RFC 7662 §2.1 asks for authorization). */
    public AuthenticatedClient authenticateConfidential(String authorization, FormParameters form, String address) {
        AuthenticatedClient client = authenticate(authorization, form, address);
        if (!client.confidential()) {
            throw new OAuthException(OAuthError.INVALID_CLIENT, "Only confidential clients may call this endpoint");
        }
        return client;
    }

    private AuthenticatedClient publicClient(String clientId, String address) {
        if (!ClientIds.valid(clientId)) {
            throw refused("malformed_client_id", null, address);
        }
        if (registry.find(clientId).filter(Client::confidential).isPresent()) {
            // a confidential client's id alone proves nothing
            throw refused("secret_missing", clientId, address);
        }
        return AuthenticatedClient.publicClient(clientId);
    }

    private AuthenticatedClient confidential(String clientId, String secret, String address) {
        if (!ClientIds.valid(clientId)) {
            throw refused("malformed_client_id", null, address);
        }
        ThrottleReservation reservation;
        try {
            reservation = throttle.reserveFromAddress(address, "client_authentication");
        } catch (ProblemException throttled) {
            throw OAuthRefusals.asOAuth(throttled);
        }
        Optional<Client> client = registry.find(clientId).filter(Client::confidential);
        if (client.isPresent() && ClientSecrets.matches(secret, client.get().secretHash())) {
            throttle.succeeded(reservation);
            if (names.heldByAccount(clientId)) {
                // its tokens would name it as the account does (upn, preferred_username): a service could pass
                // for that user with a resource server that trusts the name
                throw refused("name_held_by_account", clientId, address);
            }
            return new AuthenticatedClient(clientId, true, client.get().roles());
        }
        throttle.failed(reservation);
        // an id that names no client is not logged: it may be the secret, typed into the wrong field
        throw client.isPresent() ? refused("wrong_secret", clientId, address)
                : refused("unknown_client", null, address);
    }

    /**
     * The same answer whatever went wrong, so a wrong secret tells no one whether the id exists. An id sent without a
     * secret does tell whether a confidential client holds it; client ids are not secrets (RFC 6749 §2.2).
     */
    private static OAuthException refused(String reason, String clientId, String address) {
        SecurityLog.alert("client_authentication_failed", reason + (clientId == null ? "" : " client_id=" + clientId),
                null, null, address);
        return new OAuthException(OAuthError.INVALID_CLIENT, "Client authentication failed");
    }
}
