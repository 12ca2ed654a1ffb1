package io.keyturn.oauth.control;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of client ids and client roles, as pure functions. A client id is 1 to 64 characters from
 * {@code [A-Za-z0-9._-]}: safe in a URL path, a log line and a Basic header, and compared exactly (case counts);
 * never in the form of a UUID, which is what users' ids look like (a client token's {@code sub} is its client id).
 * Client roles are lower-case names; {@code user} and {@code admin} are Keyturn's own roles for people and are not
 * granted to clients, so a client-credentials token never opens Keyturn's own user or admin endpoints.
 */
public final class ClientIds {

    public static final int MAX_LENGTH = 64;
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");
    /** Users' ids are UUIDs: a client id never looks like one, so a token's {@code sub} never names both. */
    private static final Pattern UUID = Pattern.compile(
            "[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}");
    private static final Pattern ROLE = Pattern.compile("[a-z][a-z0-9._:-]{0,63}");
    private static final Set<String> PEOPLE_ONLY = Set.of("user", "admin");
    /** The roles column holds them comma-separated. */
    private static final int MAX_ROLES_LENGTH = 255;

    private ClientIds() {
    }

    public static boolean valid(String clientId) {
        return clientId != null && CLIENT_ID.matcher(clientId).matches() && !UUID.matcher(clientId).matches();
    }

    /** Why these roles cannot be granted to a client, or null when they can. */
    public static String rolesProblem(Set<String> roles) {
        for (String role : roles) {
            if (role == null || !ROLE.matcher(role).matches()) {
                return "each role is 1 to 64 characters: a lower-case letter, then a-z, 0-9, '.', '_', ':' or '-'";
            }
            if (PEOPLE_ONLY.contains(role)) {
                return "\"" + role + "\" is a role of Keyturn's own users and is not granted to clients";
            }
        }
        return String.join(",", roles).length() > MAX_ROLES_LENGTH
                ? "the roles together are longer than " + MAX_ROLES_LENGTH + " characters" : null;
    }
}
