package io.keyturn.json;

import io.keyturn.problems.entity.InvalidFieldsException;
import io.keyturn.problems.entity.Problem.FieldError;
import io.keyturn.problems.entity.ProblemException;
import io.keyturn.problems.entity.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body strictly. JSON-B alone is lenient in ways an auth service must not be: it ignores content
 * after the document, turns a number or {@code true} into a string, and takes the last element of an array given for
 * a string ({@code "username": ["admin"]} would be "admin"). So the body is first parsed with JSON-P as exactly one
 * object, each public field of the target class is checked against the JSON type it needs, and only then bound.
 * Unknown fields are ignored, as the contract says.
 * <p>
 * A member name repeated in any object of the body, however deep, is malformed JSON here. JSON-P's own
 * {@code getObject} keeps the last value, other parsers keep the first (RFC 8259 §4 leaves it open), so a gateway or
 * audit layer in front of Keyturn could read {@code {"username":"v123","username":"admin"}} as another account than
 * the one Keyturn signs in. Keyturn refuses repeated names in JWTs and OAuth forms for the same reason.
 */
public final class StrictJson {

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** Looked up once: Json.createParser asks the service loader for the provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();
    private static final JsonParserFactory PARSERS = JSON.createParserFactory(Map.of());
    private static final JsonBuilderFactory BUILDERS = JSON.createBuilderFactory(Map.of());
    /** A repeated name is echoed in the detail; a name this long is cut, the answer stays small. */
    private static final int NAME_SHOWN_CHARS = 64;
    private static final Set<ValueType> BOOLEANS = EnumSet.of(ValueType.TRUE, ValueType.FALSE);

    private StrictJson() {
    }

    /** The bound object, or null for an empty body or JSON {@code null} (Bean Validation reports the body missing). */
    public static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank() || body.strip().equals("null")) {
            return null;
        }
        JsonObject object = parseOneObject(body);
        List<FieldError> errors = new ArrayList<>();
        for (Field field : type.getFields()) {
            if (Modifier.isStatic(field.getModifiers())) {
                continue;
            }
            JsonValue value = object.get(field.getName());
            if (value != null && value.getValueType() != ValueType.NULL && !fits(field, value)) {
                errors.add(new FieldError(field.getName(), "must be " + expected(field)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        try {
            return JSONB.fromJson(object.toString(), type);
        } catch (JsonbException e) {
            throw malformed();
        }
    }

    private static JsonObject parseOneObject(String body) {
        try (JsonParser parser = PARSERS.createParser(new StringReader(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw malformed();
            }
            JsonObject object = readObject(parser);
            if (parser.hasNext()) {
                throw malformed(); // something follows the document
            }
            return object;
        } catch (ProblemException refused) {
            throw refused;
        } catch (RuntimeException unreadable) {
            // JsonException for broken JSON; Parsson (Payara's JSON-P) throws a bare RuntimeException for more than
            // 1000 levels of nesting. Whatever the parser throws, it throws about the client's bytes.
            throw malformed();
        }
    }

    /**
     * The object whose START_OBJECT the parser has just read, built in the same single pass over the events that
     * checks each object's member names for repeats (JSON-P's getObject would keep the last value silently). An
     * explicit stack rather than recursion: the nesting depth is the client's choice, up to the body limit.
     */
    private static JsonObject readObject(JsonParser parser) {
        Deque<Open> open = new ArrayDeque<>();
        open.push(Open.object(BUILDERS));
        while (true) {
            JsonParser.Event event = parser.next();
            switch (event) {
                case KEY_NAME -> open.peek().name(parser.getString());
                case START_OBJECT -> open.push(Open.object(BUILDERS));
                case START_ARRAY -> open.push(Open.array(BUILDERS));
                case END_OBJECT, END_ARRAY -> {
                    JsonValue closed = open.pop().build();
                    if (open.isEmpty()) {
                        return closed.asJsonObject();
                    }
                    open.peek().add(closed);
                }
                default -> open.peek().add(parser.getValue()); // a string, number, true, false or null
            }
        }
    }

    /** An object or array of the body not closed yet: its members so far and, for an object, the names seen. */
    private static final class Open {

        private final JsonObjectBuilder object;
        private final JsonArrayBuilder array;
        private final Set<String> names = new HashSet<>();
        private String name;

        private Open(JsonObjectBuilder object, JsonArrayBuilder array) {
            this.object = object;
            this.array = array;
        }

        static Open object(JsonBuilderFactory builders) {
            return new Open(builders.createObjectBuilder(), null);
        }

        static Open array(JsonBuilderFactory builders) {
            return new Open(null, builders.createArrayBuilder());
        }

        void name(String next) {
            if (!names.add(next)) {
                throw repeated(next);
            }
            name = next;
        }

        void add(JsonValue value) {
            if (object != null) {
                object.add(name, value);
            } else {
                array.add(value);
            }
        }

        JsonValue build() {
            return object != null ? object.build() : array.build();
        }
    }

    /** Names the member, never its value: the value may be a password or a token. */
    private static ProblemException repeated(String name) {
        String shown = name.length() > NAME_SHOWN_CHARS ? name.substring(0, NAME_SHOWN_CHARS) + "..." : name;
        return new ProblemException(ProblemType.MALFORMED_JSON,
                "The request body names the member \"" + shown + "\" more than once in one object");
    }

    private static boolean fits(Field field, JsonValue value) {
        if (isListOfStrings(field)) {
            // JSON-B would flatten [["admin"]] or turn [1] into ["1"]
            return value.getValueType() == ValueType.ARRAY && value.asJsonArray().stream()
                    .allMatch(element -> element.getValueType() == ValueType.STRING);
        }
        return fits(field.getType(), value);
    }

    private static boolean isListOfStrings(Field field) {
        return Collection.class.isAssignableFrom(field.getType())
                && field.getGenericType() instanceof ParameterizedType generic
                && generic.getActualTypeArguments().length == 1 && generic.getActualTypeArguments()[0] == String.class;
    }

    private static boolean fits(Class<?> type, JsonValue value) {
        if (type == String.class) {
            return value.getValueType() == ValueType.STRING;
        }
        if (type == Boolean.class || type == boolean.class) {
            return BOOLEANS.contains(value.getValueType());
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return value.getValueType() == ValueType.NUMBER;
        }
        return true;
    }

    private static String expected(Field field) {
        if (isListOfStrings(field)) {
            return "a list of strings";
        }
        Class<?> type = field.getType();
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a number";
    }

    public static ProblemException malformed() {
        return new ProblemException(ProblemType.MALFORMED_JSON);
    }
}
