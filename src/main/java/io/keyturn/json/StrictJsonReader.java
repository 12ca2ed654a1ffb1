package io.keyturn.json;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Every JSON request body Keyturn binds to one of its own classes goes through {@link StrictJson}. An interceptor
 * rather than a message body reader, because the runtime's own JSON-B reader would otherwise compete with it on equal
 * terms for every type.
 */
@Provider
public class StrictJsonReader implements ReaderInterceptor {

    @Inject
    RequestBodyLimit limit;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType mediaType = context.getMediaType();
        if (!context.getType().getName().startsWith("io.keyturn.") || mediaType == null
                || !(mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                        || mediaType.getSubtype().endsWith("+json"))) {
            return context.proceed();
        }
        String body = RequestBodies.read(context.getInputStream(),
                RequestBodies.contentLength(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH)),
                charsetOf(mediaType), limit.maxBodyBytes());
        return StrictJson.read(body, context.getType());
    }

    static Charset charsetOf(MediaType mediaType) {
        try {
            return Charset.forName(mediaType.getParameters().getOrDefault(MediaType.CHARSET_PARAMETER, "UTF-8"));
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }
}
