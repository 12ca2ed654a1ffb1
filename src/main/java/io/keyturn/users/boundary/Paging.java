package io.keyturn.users.boundary;

import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.problems.entity.InvalidFieldsException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code offset} and {@code limit} query parameters, read by hand: JAX-RS answers an unparsable query parameter
 * with 404, where a client deserves a 400 that names the parameter.
 */
public record Paging(int offset, int limit) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static Paging of(String offset, String limit) {
        List<FieldError> errors = new ArrayList<>();
        int from = parse("offset", offset, 0, 0, Integer.MAX_VALUE, errors);
        int size = parse("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT, errors);
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return new Paging(from, size);
    }

    private static int parse(String name, String value, int fallback, int min, int max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
        return fallback;
    }
}
