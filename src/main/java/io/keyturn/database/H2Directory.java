package io.keyturn.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The directory of an embedded H2 file database, created readable by its owner only. The database holds the private
 * signing keys, the sealing key and the password hashes; H2 would create its directory and files with the process's
 * umask (usually world-readable). A directory that exists already is left as the operator made it.
 */
final class H2Directory {

    private H2Directory() {
    }

    /** Creates the directory of {@code url}'s database file when it is an H2 file URL and the directory is missing. */
    static void prepare(String url) {
        directoryOf(url).filter(directory -> !Files.exists(directory)).ifPresent(H2Directory::createPrivate);
    }

    /** The directory of the database file an H2 URL names; empty for in-memory, server and other URLs. */
    static Optional<Path> directoryOf(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        String name = url.substring("jdbc:h2:".length());
        int settings = name.indexOf(';');
        name = settings < 0 ? name : name.substring(0, settings);
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("^[A-Za-z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, nioMapped:, memFS:, … (one letter is a Windows drive: a file)
        }
        if (name.startsWith("~")) {
            name = System.getProperty("user.home") + name.substring(1);
        }
        return Optional.ofNullable(Path.of(name).toAbsolutePath().normalize().getParent());
    }

    private static void createPrivate(Path directory) {
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(directory,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("keyturn.db.url: cannot create the directory " + directory, e);
        }
    }
}
