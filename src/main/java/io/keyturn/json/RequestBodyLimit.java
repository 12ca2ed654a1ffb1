package io.keyturn.json;

import static io.keyturn.configuration.SettingRanges.between;

/**
 * How large a request body may be; larger ones are refused with 413 before they are read. Immutable and checked when
 * made, naming the property of a wrong value. Read by {@link RequestBodyLimitProducer}.
 *
 * @param maxBodyBytes {@value #MAX_BODY_BYTES}: 16 KB by default, far above any Keyturn request. At most one less
 *                     than the largest int, because a chunked body is read one byte past the limit to notice it
 */
public record RequestBodyLimit(int maxBodyBytes) {

    public static final String MAX_BODY_BYTES = "keyturn.request.max-body-bytes";

    public RequestBodyLimit {
        between(1, Integer.MAX_VALUE - 1, maxBodyBytes, MAX_BODY_BYTES);
    }
}
