package io.keyturn.tokens.boundary;

import io.keyturn.problems.boundary.ReadOnlyServlet;
import io.keyturn.tokens.control.SigningKeys;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /.well-known/jwks.json}: the public keys that verify Keyturn's access tokens (RFC 7517). It lives at
 * the context root, outside the JAX-RS application under {@code /api}, where MicroProfile JWT verifiers look for it.
 * A short max-age lets verifiers notice a new key quickly.
 */
@WebServlet("/.well-known/jwks.json")
public class JwksServlet extends ReadOnlyServlet {

    static final int MAX_AGE_SECONDS = 300;

    @Inject
    SigningKeys keys;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/jwk-set+json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
        response.getWriter().write(keys.publicJwks());
    }
}
