package io.keyturn.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2DirectoryTest {

    @TempDir
    Path temp;

    @Test
    void theDefaultDatabasesDirectoryIsCreatedForItsOwnerOnly() throws IOException {
        Path data = temp.resolve("data");
        H2Directory.prepare("jdbc:h2:file:" + data.resolve("keyturn") + ";LOCK_TIMEOUT=10000");

        assertTrue(Files.isDirectory(data));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void anExistingDirectoryIsLeftAsTheOperatorMadeIt() throws IOException {
        Path data = Files.createDirectory(temp.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        H2Directory.prepare("jdbc:h2:" + data.resolve("keyturn"));

        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }

    @Test
    void onlyFileUrlsNameADirectory() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(Optional.of(Path.of("data").toAbsolutePath()),
                H2Directory.directoryOf("jdbc:h2:file:./data/keyturn;LOCK_TIMEOUT=10000"));
        assertEquals(Optional.of(home.resolve("kt")), H2Directory.directoryOf("jdbc:h2:~/kt/keyturn"));
        assertEquals(Optional.of(Path.of("/var/lib/keyturn")), H2Directory.directoryOf("jdbc:h2:/var/lib/keyturn/db"));
        assertEquals(Optional.empty(), H2Directory.directoryOf("jdbc:h2:mem:keyturn;DB_CLOSE_DELAY=-1"));
        assertEquals(Optional.empty(), H2Directory.directoryOf("jdbc:h2:tcp://localhost/~/keyturn"));
        assertEquals(Optional.empty(), H2Directory.directoryOf("jdbc:h2:nioMapped:./data/keyturn"));
        assertEquals(Optional.empty(), H2Directory.directoryOf("jdbc:h2:memFS:keyturn"));
        assertEquals(Optional.empty(), H2Directory.directoryOf("jdbc:mysql://localhost/keyturn"));
    }
}
