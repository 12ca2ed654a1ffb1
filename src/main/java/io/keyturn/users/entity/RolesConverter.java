package io.keyturn.users.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/** Roles travel with the user row ("user,admin"): login reads them without a second query. */
@Converter
public class RolesConverter implements AttributeConverter<Set<String>, String> {

    @Override
    public String convertToDatabaseColumn(Set<String> roles) {
        return String.join(",", roles);
    }

    @Override
    public Set<String> convertToEntityAttribute(String column) {
        Set<String> roles = new LinkedHashSet<>();
        Arrays.stream(column.split(",")).map(String::strip).filter(r -> !r.isEmpty()).forEach(roles::add);
        return roles;
    }
}
