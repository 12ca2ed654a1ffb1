package io.keyturn;

import io.keyturn.problems.boundary.OpenApiCommonAnswers;
import io.keyturn.tokens.entity.Issuer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * The filter of the OpenAPI document ({@code mp.openapi.filter} in {@code META-INF/microprofile-config.properties}).
 * It adds the answers many operations share ({@link OpenApiCommonAnswers}: 401, 403, 413, 503) and takes out what
 * Payara's generator adds to the annotations on its own, so that OpenAPI tools read the document and a validator
 * checking Keyturn's answers against it accepts them ({@code OpenApiDocumentIT}):
 * <ul>
 * <li>every default of an {@code @Schema} annotation written out as if it were set ({@code maxProperties: 0} says
 * an object may have no properties at all, {@code minLength: 0}, {@code nullable: false}, …);</li>
 * <li>the {@code type} of an annotated property taken from its Java type instead of the annotation: an
 * {@code Instant} with {@code format: date-time} as an object, a {@code long} with {@code format: int64} as a
 * number;</li>
 * <li>the properties of the element class also on the array around it;</li>
 * <li>an empty {@code application/json} request body beside the annotated one of an endpoint that reads its body
 * itself (the OAuth endpoints read forms);</li>
 * <li>a tag once per resource class that names it;</li>
 * <li>a subclass's parent twice in its {@code allOf};</li>
 * <li>a top-level {@code endpoints} list.</li>
 * </ul>
 * Its one server is {@code keyturn.issuer}, not the listener's address the server generates.
 * The schema corrections read the model of MicroProfile OpenAPI 3.x (Payara 6). WildFly implements 4.x, whose
 * model has other signatures for several of these accessors and whose generator adds none of this, so there they
 * are skipped. On both, an answer documented without content stays without ({@link #filterAPIResponse}).
 */
public class OpenApiDocument implements OASFilter {

    private static final boolean OPENAPI_3_MODEL = singleTypeSchemas();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        OpenApiCommonAnswers.addTo(openAPI);
        withoutEndpointList(openAPI);
        // the server generates its listener's address (behind a proxy an internal one, with a trailing slash that
        // doubles the slash of every path); clients reach Keyturn at keyturn.issuer, as every other URL it gives says
        String issuer = ConfigProvider.getConfig().getOptionalValue(Issuer.PROPERTY, String.class)
                .orElse(Issuer.DEFAULT);
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(issuer)
                .description("keyturn.issuer: where this Keyturn is reachable"))));
        withoutRepeatedParents(openAPI);
        if (openAPI.getTags() != null) {
            Map<String, Tag> once = new LinkedHashMap<>();
            openAPI.getTags().forEach(tag -> once.putIfAbsent(tag.getName(), tag));
            openAPI.setTags(new ArrayList<>(once.values()));
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if (OPENAPI_3_MODEL) {
            PayaraSchemaDefaults.remove(schema);
        }
        return schema;
    }

    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        if (OPENAPI_3_MODEL && body.getContent() != null && body.getContent().getMediaTypes() != null
                && body.getContent().getMediaTypes().size() > 1) {
            List<String> empty = body.getContent().getMediaTypes().entrySet().stream()
                    .filter(entry -> PayaraSchemaDefaults.isEmptyObject(entry.getValue())).map(Map.Entry::getKey)
                    .toList();
            if (empty.size() < body.getContent().getMediaTypes().size()) {
                empty.forEach(body.getContent()::removeMediaType);
            }
        }
        return body;
    }

    /**
     * Payara names a subclass's parent twice in its {@code allOf} ({@code NewUserRequest}: {@code RegistrationRequest}
     * twice), which linters flag and some generators turn into two fields of the same type.
     */
    private static void withoutRepeatedParents(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            List<Schema> parents = schema.getAllOf();
            if (parents != null && parents.stream().allMatch(parent -> parent.getRef() != null)) {
                Map<String, Schema> once = new LinkedHashMap<>();
                parents.forEach(parent -> once.putIfAbsent(parent.getRef(), parent));
                if (once.size() < parents.size()) {
                    schema.setAllOf(new ArrayList<>(once.values()));
                }
            }
        }
    }

    /**
     * Payara writes a top-level {@code endpoints} list, which OpenAPI 3 does not allow (swagger-parser, and so
     * openapi-generator and Atlassian's validator, refuse the document). Its model class has a setter for it, reached
     * by name so that no Payara class is compiled against; elsewhere there is none and nothing happens.
     */
    private static void withoutEndpointList(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new HashMap<>());
        } catch (ReflectiveOperationException notPayara) {
            // no such list to remove
        }
    }

    /**
     * Beside the {@code $ref} of a referenced parameter, where OpenAPI 3.0 ignores every sibling, only the reference
     * stays: Payara writes its defaults there ({@code required: false}, …), and the annotations name the parameter
     * ({@code name}, {@code in}) because WildFly's generator keeps only one of several references without them.
     */
    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (parameter.getRef() != null) {
            parameter.setName(null);
            parameter.setIn(null);
            parameter.setRequired(null);
            parameter.setDeprecated(null);
            parameter.setAllowEmptyValue(null);
            parameter.setAllowReserved(null);
        }
        return parameter;
    }

    /**
     * WildFly describes an answer documented without content (revocation's 200) as content of any media type
     * ({@code &#42;/&#42;}) without a schema, which tells a client to expect a body that never comes.
     */
    @Override
    public APIResponse filterAPIResponse(APIResponse response) {
        Map<String, MediaType> content = response.getContent() == null ? null
                : response.getContent().getMediaTypes();
        if (content != null && content.size() == 1 && content.containsKey("*/*")
                && content.get("*/*").getSchema() == null) {
            response.setContent(null);
        }
        return response;
    }

    private static boolean singleTypeSchemas() {
        try {
            return Schema.class.getMethod("getType").getReturnType() == SchemaType.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    /** Loaded only on a MicroProfile OpenAPI 3.x model, whose accessors it calls. */
    private static final class PayaraSchemaDefaults {

        static void remove(Schema schema) {
            if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
                schema.setMaxProperties(null);
            }
            if (Integer.valueOf(0).equals(schema.getMinProperties())) {
                schema.setMinProperties(null);
            }
            if (Integer.valueOf(0).equals(schema.getMinLength())) {
                schema.setMinLength(null);
            }
            if (Boolean.FALSE.equals(schema.getUniqueItems())) {
                schema.setUniqueItems(null);
            }
            if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
                schema.setExclusiveMaximum(null);
            }
            if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
                schema.setExclusiveMinimum(null);
            }
            if (Boolean.FALSE.equals(schema.getNullable())) {
                schema.setNullable(null);
            }
            if (Boolean.FALSE.equals(schema.getReadOnly())) {
                schema.setReadOnly(null);
            }
            if (Boolean.FALSE.equals(schema.getWriteOnly())) {
                schema.setWriteOnly(null);
            }
            if (Boolean.FALSE.equals(schema.getDeprecated())) {
                schema.setDeprecated(null);
            }
            if (schema.getType() == SchemaType.ARRAY && schema.getItems() != null) {
                schema.setProperties(null);
            }
            if ("date-time".equals(schema.getFormat())) {
                schema.setType(SchemaType.STRING);
            }
            if ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat())) {
                schema.setType(SchemaType.INTEGER);
            }
        }

        static boolean isEmptyObject(MediaType mediaType) {
            Schema schema = mediaType.getSchema();
            return schema != null && schema.getRef() == null && schema.getType() == SchemaType.OBJECT
                    && (schema.getProperties() == null || schema.getProperties().isEmpty())
                    && schema.getDescription() == null;
        }
    }
}
