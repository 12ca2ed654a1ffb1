package io.keyturn.users.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V8 gives every existing account the role user, in front, and leaves accounts that have it alone. */
class RoleUserMigrationTest {

    @Test
    void accountsWithoutRoleUserGetItInFront() throws Exception {
        String migration = Files.readString(
                Path.of("src/main/resources/db/migration/V8__every_account_has_role_user.sql"));
        try (Connection db = DriverManager.getConnection("jdbc:h2:mem:v8;MODE=MySQL");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE users (id INT PRIMARY KEY, roles VARCHAR(255) NOT NULL)");
            sql.execute("INSERT INTO users VALUES (1, 'admin'), (2, 'user'), (3, 'user,admin'), (4, 'admin,user'),"
                    + " (5, 'superuser')");
            sql.execute(migration);

            List<String> roles = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery("SELECT roles FROM users ORDER BY id")) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            assertEquals(List.of("user,admin", "user", "user,admin", "admin,user", "user,superuser"), roles);
        }
    }
}
