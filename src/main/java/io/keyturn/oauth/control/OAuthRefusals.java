package io.keyturn.oauth.control;

import io.keyturn.oauth.entity.OAuthError;
import io.keyturn.oauth.entity.OAuthException;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;

/**
 * Keyturn's own refusals (problem details) as OAuth errors, for the OAuth endpoints: a bad grant of any kind is
 * {@code invalid_grant} (RFC 6749 §5.2: "invalid, expired, revoked, ... or was issued to another client"), with a
 * description that tells which. Anything else (an outage: 503) stays a problem detail.
 */
final class OAuthRefusals {

    private OAuthRefusals() {
    }

    static RuntimeException asOAuth(ProblemException refused) {
        if (refused.is(ProblemType.TOO_MANY_ATTEMPTS)) {
            OAuthException throttled = new OAuthException(OAuthError.TOO_MANY_ATTEMPTS, refused.problem().detail());
            refused.headers().forEach(throttled::withHeader); // Retry-After
            return throttled;
        }
        if (refused.is(ProblemType.REFRESH_TOKEN_INVALID)) {
            return new OAuthException(OAuthError.INVALID_GRANT,
                    "The refresh token is unknown, expired, revoked or was issued to another client");
        }
        if (refused.is(ProblemType.REFRESH_TOKEN_REUSED)) {
            return new OAuthException(OAuthError.INVALID_GRANT,
                    "The refresh token was already used; its session has been revoked; log in again");
        }
        if (refused.is(ProblemType.ACCOUNT_DISABLED)) {
            return new OAuthException(OAuthError.INVALID_GRANT, "The account is disabled");
        }
        if (refused.is(ProblemType.INVALID_CREDENTIALS)) {
            return new OAuthException(OAuthError.INVALID_GRANT, "The username or password is not correct");
        }
        if (refused.is(ProblemType.PAYLOAD_TOO_LARGE)) {
            return new OAuthException(OAuthError.INVALID_REQUEST, refused.problem().detail());
        }
        return refused;
    }
}
