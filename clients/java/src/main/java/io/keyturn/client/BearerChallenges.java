package io.keyturn.client;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code WWW-Authenticate} values as RFC 9110 §11.6.1 writes them: one or more challenges separated by commas,
 * each a scheme followed by a token68 or by {@code name=value} parameters, a value being a token or a quoted string
 * with optional spaces around the {@code =}. Resource servers differ in which of these forms they use, so a test for
 * one spelling would miss the others.
 */
final class BearerChallenges {

    private static final String TOKEN = "[!#$%&'*+.^_`|~0-9A-Za-z-]+";
    private static final Pattern PARAMETER = Pattern.compile(
            "(" + TOKEN + ")[ \\t]*=[ \\t]*(" + TOKEN + "|\"(?:[^\"\\\\]|\\\\.)*\")");
    private static final Pattern SCHEME = Pattern.compile("(" + TOKEN + ")(?:[ \\t]+(.*))?", Pattern.DOTALL);

    private BearerChallenges() {
    }

    /** Whether any of these header values holds a Bearer challenge with {@code error} {@code invalid_token}. */
    static boolean refuseTheToken(List<String> headerValues) {
        return headerValues != null && headerValues.stream().anyMatch(BearerChallenges::refusesTheToken);
    }

    private static boolean refusesTheToken(String headerValue) {
        String scheme = null;
        for (String element : elements(headerValue)) {
            Matcher parameter = PARAMETER.matcher(element);
            if (!parameter.matches()) {
                Matcher challenge = SCHEME.matcher(element);
                if (!challenge.matches()) {
                    return false; // not a challenge list: nothing in it can be trusted
                }
                scheme = challenge.group(1);
                if (challenge.group(2) == null) {
                    continue;
                }
                parameter = PARAMETER.matcher(challenge.group(2).strip());
                if (!parameter.matches()) {
                    continue; // a token68, which carries no error
                }
            }
            if ("bearer".equalsIgnoreCase(scheme) && "error".equalsIgnoreCase(parameter.group(1))
                    && "invalid_token".equals(unquoted(parameter.group(2)))) {
                return true;
            }
        }
        return false;
    }

    /** The comma-separated elements of a list, commas inside quoted strings left alone; empty elements dropped. */
    private static List<String> elements(String list) {
        List<String> elements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (quoted && c == '\\' && i + 1 < list.length()) {
                current.append(c).append(list.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                add(elements, current);
            } else {
                current.append(c);
            }
        }
        add(elements, current);
        return elements;
    }

    private static void add(List<String> elements, StringBuilder element) {
        String stripped = element.toString().strip();
        if (!stripped.isEmpty()) {
            elements.add(stripped);
        }
        element.setLength(0);
    }

    private static String unquoted(String value) {
        if (!value.startsWith("\"")) {
            return value;
        }
        return value.substring(1, value.length() - 1).replaceAll("\\\\(.)", "$1");
    }
}
