package io.tandem.gui.wizard;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tandem.files.AtomicFile;
import io.tandem.ssh.SshTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the user logged in to each host of a saved project (the method and the key file, never a
 * password), kept in the project's state folder next to its journal: opening an applied project
 * then reads its home screen with the logins that worked, without asking again. The project file
 * does not hold them: a key's path belongs to this workstation, not to the cluster.
 */
final class LoginMemory {

    /** One host's remembered login. */
    record Remembered(HostLogin.Method method, String keyFile) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<TreeMap<String, Remembered>> TYPE = new TypeReference<>() {
    };

    private final Path file;

    LoginMemory(Path file) {
        this.file = file;
    }

    /** The key of a host: the same user at the same address and port is the same login. */
    static String key(SshTarget target) {
        return target.user() + "@" + target.host() + ":" + target.port();
    }

    Optional<Remembered> recall(SshTarget target) {
        return Optional.ofNullable(read().get(key(target)));
    }

    /** Records a login that worked; a file that cannot be written only costs retyping the key's path next time. */
    void remember(SshTarget target, HostLogin login) {
        TreeMap<String, Remembered> all = read();
        Remembered entry = new Remembered(login.method.get(), login.method.get() == HostLogin.Method.KEY_FILE ? login.keyFile.get() : null);
        if (entry.equals(all.get(key(target)))) {
            return;
        }
        all.put(key(target), entry);
        try {
            AtomicFile.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all) + "\n", AtomicFile.OWNER_ONLY);
        } catch (IOException ignored) {
            // Not the user's data: the logins are typed again next time.
        }
    }

    /** Puts the remembered method and key file into {@code login}, if this host was logged in to before. */
    void restore(SshTarget target, HostLogin login) {
        recall(target).ifPresent(r -> {
            login.method.set(r.method());
            if (r.keyFile() != null) {
                login.keyFile.set(r.keyFile());
            }
        });
    }

    private TreeMap<String, Remembered> read() {
        try {
            return Files.isRegularFile(file) ? MAPPER.readValue(file.toFile(), TYPE) : new TreeMap<>();
        } catch (IOException | RuntimeException e) {
            return new TreeMap<>(); // unreadable (edited by hand, half a disk): start afresh rather than refuse to open
        }
    }
}
