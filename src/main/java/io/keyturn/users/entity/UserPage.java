package io.keyturn.users.entity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "UserPage", description = "One page of users, oldest first",
        requiredProperties = {"items", "offset", "limit", "total"})
public record UserPage(List<UserAdminView> items, int offset, int limit,
        @Schema(format = "int64", description = "users in all") long total) {
}
