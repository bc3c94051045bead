package io.tandem.ssh;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.UnixDomainSocketFactory;
import com.jcraft.jsch.UserInfo;
import io.tandem.model.Secret;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens an authenticated JSch session. JSch holds either local keys or the agent's, not both, so
 * key files and the agent are tried as separate logins, in the order given; a password is offered
 * with the last one only, so a wrong password costs the server one failed attempt, not several.
 */
final class SessionFactory {

    private SessionFactory() {
    }

    static Session open(ConnectionSettings settings, PromptingHostKeyRepository hostKeys) throws SshFailure {
        List<List<Authentication>> attempts = attempts(settings.authentications());
        SshFailure last = null;
        for (int i = 0; i < attempts.size(); i++) {
            try {
                return connect(settings, hostKeys, attempts.get(i));
            } catch (SshFailure failure) {
                last = failure;
                if (failure.kind() != SshFailure.Kind.AUTHENTICATION_FAILED) {
                    throw failure;
                }
            }
        }
        throw new SshFailure(SshFailure.Kind.AUTHENTICATION_FAILED, settings.target().toString(),
                "The server refused to let " + settings.target().user() + " log in (tried: " + settings.authentications().stream()
                        .map(Authentication::methodName).reduce((a, b) -> a + ", " + b).orElse("") + "). Check the user name, that the "
                        + "public key is in the server's authorized_keys, or the password.", last);
    }

    private static List<List<Authentication>> attempts(List<Authentication> methods) {
        List<Authentication> keyFiles = methods.stream().filter(a -> a instanceof Authentication.KeyFile).toList();
        Optional<Authentication> agent = methods.stream().filter(a -> a instanceof Authentication.Agent).findFirst();
        Optional<Authentication> password = methods.stream().filter(a -> a instanceof Authentication.Password).findFirst();
        List<List<Authentication>> attempts = new ArrayList<>();
        boolean agentFirst = agent.isPresent() && (keyFiles.isEmpty() || methods.indexOf(agent.get()) < methods.indexOf(keyFiles.getFirst()));
        if (agentFirst) {
            attempts.add(new ArrayList<>(List.of(agent.get())));
        }
        if (!keyFiles.isEmpty()) {
            attempts.add(new ArrayList<>(keyFiles));
        }
        if (agent.isPresent() && !agentFirst) {
            attempts.add(new ArrayList<>(List.of(agent.get())));
        }
        if (password.isPresent()) {
            if (attempts.isEmpty()) {
                attempts.add(new ArrayList<>());
            }
            attempts.getLast().add(password.get());
        }
        return attempts;
    }

    private static Session connect(ConnectionSettings settings, PromptingHostKeyRepository hostKeys, List<Authentication> methods)
            throws SshFailure {
        SshTarget target = settings.target();
        JSch jsch = new JSch();
        Secret password = null;
        List<String> preferred = new ArrayList<>();
        try {
            for (Authentication method : methods) {
                switch (method) {
                    case Authentication.Agent a -> {
                        jsch.setIdentityRepository(new AgentIdentityRepository(a.socket() == null
                                ? new SSHAgentConnector(new UnixDomainSocketFactory())
                                : new SSHAgentConnector(new UnixDomainSocketFactory(), a.socket())));
                        preferred.add("publickey");
                    }
                    case Authentication.KeyFile k -> {
                        addKeyFile(jsch, k, settings);
                        preferred.add("publickey");
                    }
                    case Authentication.Password p -> {
                        password = p.password();
                        preferred.add("password");
                        preferred.add("keyboard-interactive");
                    }
                }
            }
        } catch (com.jcraft.jsch.AgentProxyException e) {
            throw new SshFailure(SshFailure.Kind.AUTHENTICATION_FAILED, target.toString(),
                    "No ssh-agent is reachable (SSH_AUTH_SOCK is " + (System.getenv("SSH_AUTH_SOCK") == null ? "not set" : "unusable")
                            + "). Start ssh-agent and add a key, or choose a key file.", e);
        }
        Session session;
        try {
            session = jsch.getSession(target.user(), target.host(), target.port());
        } catch (JSchException e) {
            throw new SshFailure(SshFailure.Kind.UNREACHABLE, target.toString(), "Invalid SSH target " + target + ".", e);
        }
        session.setHostKeyRepository(hostKeys);
        session.setConfig("StrictHostKeyChecking", "yes");
        session.setConfig("PreferredAuthentications", String.join(",", preferred.stream().distinct().toList()));
        if (password != null) {
            session.setPassword(password.reveal().getBytes(StandardCharsets.UTF_8));
            session.setUserInfo(new PasswordOnlyUserInfo(password));
        }
        try {
            session.setServerAliveInterval((int) settings.keepaliveInterval().toMillis());
            session.setServerAliveCountMax(3);
            session.connect((int) settings.connectTimeout().toMillis());
            return session;
        } catch (JSchException e) {
            session.disconnect();
            throw FailureClassifier.connectFailure(target, e, hostKeys, methods, (int) settings.connectTimeout().toSeconds());
        } catch (java.io.UncheckedIOException e) {
            session.disconnect();
            throw new SshFailure(SshFailure.Kind.KNOWN_HOSTS_UNUSABLE, target.toString(), "The known-hosts files cannot be read or "
                    + "written (" + e.getCause().getMessage() + "). Check ~/.ssh/known_hosts and " + settings.hostKeys().store() + ".", e);
        }
    }

    private static void addKeyFile(JSch jsch, Authentication.KeyFile key, ConnectionSettings settings) throws SshFailure {
        String file = key.file().toString();
        // JSch reports these as its own exception's text ("java.io.FileNotFoundException: …"); say them plainly.
        if (!java.nio.file.Files.exists(key.file())) {
            throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(), "The key file " + file
                    + " does not exist. Choose the private key you log in with (for example ~/.ssh/id_ed25519), or use a password.");
        }
        if (!java.nio.file.Files.isRegularFile(key.file()) || !java.nio.file.Files.isReadable(key.file())) {
            throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(), "The key file " + file
                    + " cannot be read (it is a folder, or its permissions do not let you read it). Choose the private key file itself.");
        }
        KeyPair pair;
        try {
            pair = KeyPair.load(jsch, file);
        } catch (JSchException e) {
            throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(),
                    "The key file " + file + " cannot be used: " + e.getMessage() + ". Check the path and that it is a private key.", e);
        }
        try {
            if (!pair.isEncrypted()) {
                jsch.addIdentity(file);
                return;
            }
            for (int attempt = 1; attempt <= 3; attempt++) {
                Optional<Secret> passphrase = settings.passphrasePrompt().passphrase(key.file(), attempt);
                if (passphrase.isEmpty()) {
                    throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(),
                            "The key file " + file + " is protected by a passphrase, and none was given.");
                }
                byte[] bytes = passphrase.get().reveal().getBytes(StandardCharsets.UTF_8);
                if (pair.decrypt(bytes)) {
                    jsch.addIdentity(file, bytes);
                    return;
                }
            }
            throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(),
                    "The passphrase for " + file + " was wrong three times.");
        } catch (JSchException e) {
            throw new SshFailure(SshFailure.Kind.KEY_FILE_UNUSABLE, settings.target().toString(),
                    "The key file " + file + " cannot be used: " + e.getMessage() + ".", e);
        } finally {
            pair.dispose();
        }
    }

    /** Answers keyboard-interactive password prompts with the password; never shows anything. */
    private record PasswordOnlyUserInfo(Secret password) implements UserInfo, com.jcraft.jsch.UIKeyboardInteractive {
        @Override
        public String getPassphrase() {
            return null;
        }

        @Override
        public String getPassword() {
            return password.reveal();
        }

        @Override
        public boolean promptPassword(String message) {
            return true;
        }

        @Override
        public boolean promptPassphrase(String message) {
            return false;
        }

        @Override
        public boolean promptYesNo(String message) {
            return false;
        }

        @Override
        public void showMessage(String message) {
        }

        @Override
        public String[] promptKeyboardInteractive(String destination, String name, String instruction, String[] prompt, boolean[] echo) {
            String[] answers = new String[prompt.length];
            java.util.Arrays.fill(answers, password.reveal());
            return prompt.length == 1 ? answers : null;
        }
    }
}
