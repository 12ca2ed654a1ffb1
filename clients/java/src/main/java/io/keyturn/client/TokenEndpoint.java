package io.keyturn.client;

/**
 * The three ways {@link KeyturnTokens} obtains tokens from Keyturn. {@link JaxRsTokenEndpoint} is the one that talks
 * HTTP; the interface exists because a token source is built from one of three starting points and renews through
 * one of two grants, and so a test can count calls without a server.
 * <p>
 * Every method either returns what the server issued or throws: {@link SessionEndedException} when the server says
 * the session or credentials are finished for good, {@link KeyturnException} for anything that may work later.
 */
public interface TokenEndpoint {

    /** {@code POST /api/auth/login} in body mode. */
    Issued login(String username, String password);

    /** {@code POST /api/auth/refresh} in body mode: rotates the refresh token. */
    Issued refresh(String refreshToken);

    /** {@code POST /api/oauth2/token}, {@code grant_type=client_credentials}, {@code client_secret_basic}. */
    Issued clientCredentials(String clientId, String clientSecret);
}
