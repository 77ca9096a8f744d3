package io.exactpay.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Directories and files that only the server's own operating-system user may read: private keys,
 * the rendered server commands (they hold the database and broker passwords), the channels'
 * settings. Created owner-only (rwx------, rw-------) from the start, so there is no moment when
 * another user could read them. On a file system without POSIX permissions nothing is changed.
 */
public final class OwnerOnlyFiles {

    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private OwnerOnlyFiles() {
    }

    /** The directory, made owner-only (with any parents it had to create), and returned. */
    public static Path directory(Path dir) throws IOException {
        if (!posix()) return Files.createDirectories(dir);
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        }
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    /** Writes the text to the file, which is owner-only before the first byte goes in. */
    public static void writeString(Path file, String text) throws IOException {
        if (posix()) {
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) Files.setPosixFilePermissions(file, FILE);
            else Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /**
     * Takes group and other permissions away from the directory and everything in it (files an
     * earlier version left readable); returns what had to be changed, empty when all was in order.
     */
    public static List<Path> tighten(Path dir) throws IOException {
        List<Path> changed = new ArrayList<>();
        if (!posix() || !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return changed;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                if (Files.isSymbolicLink(p)) continue;
                Set<PosixFilePermission> now = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                if (now.stream().noneMatch(OTHERS::contains)) continue;
                Set<PosixFilePermission> owner = EnumSet.copyOf(now);
                owner.removeAll(OTHERS);
                Files.setPosixFilePermissions(p, owner);
                changed.add(p);
            }
        }
        return changed;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
