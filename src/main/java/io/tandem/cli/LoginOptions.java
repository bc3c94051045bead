package io.tandem.cli;

import io.tandem.model.Secret;
import io.tandem.ssh.Authentication;
import io.tandem.ssh.ConnectionSettings;
import io.tandem.ssh.HostKeyPrompt;
import io.tandem.ssh.HostKeyStore;
import io.tandem.ssh.SshTarget;
import io.tandem.ssh.Sudo;
import picocli.CommandLine.Option;

import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How the commands that reach hosts log in: keys, passwords, sudo, host keys. */
final class LoginOptions {

    @Option(names = {"-i", "--identity"}, paramLabel = "FILE", description = "Private key file (repeatable). Without one, ssh-agent is used.")
    List<Path> identities = new ArrayList<>();

    @Option(names = "--ask-password", description = "Ask for the login password (never given on the command line).")
    boolean askPassword;

    @Option(names = "--ask-sudo-password", description = "Ask for the sudo password of a non-root user.")
    boolean askSudoPassword;

    @Option(names = "--accept-new-host-keys", description = "Trust host keys seen for the first time (for scripts); changed keys are always refused.")
    boolean acceptNewHostKeys;

    @Option(names = "--known-hosts", paramLabel = "FILE", description = "Tandem's own known-hosts store (default ~/.config/tandem/known_hosts).")
    Path knownHosts;

    private List<Authentication> authentications;
    private Sudo sudo;
    private HostKeyStore store;

    /** The settings for one host; passwords are asked once, the first time. */
    ConnectionSettings settings(SshTarget target, PrintWriter err) {
        if (authentications == null) {
            authentications = authentications(target.user());
            sudo = askSudoPassword ? new Sudo.WithPassword(readSecret("sudo password for " + target.user() + ": ")
                    .orElseThrow(() -> new UserError("No sudo password given.", ExitCodes.BAD_INPUT))) : null;
            store = knownHosts == null ? HostKeyStore.forCurrentUser()
                    : new HostKeyStore(List.of(Path.of(System.getProperty("user.home"), ".ssh/known_hosts")), knownHosts);
        }
        return ConnectionSettings.of(target, authentications, store, hostKeyPrompt(err))
                .withSudo(sudo != null ? sudo : Sudo.forUser(target.user()))
                .withPassphrasePrompt((file, attempt) -> readSecret("Passphrase for " + file + ": "));
    }

    private List<Authentication> authentications(String user) {
        List<Authentication> auth = new ArrayList<>();
        for (Path identity : identities) {
            auth.add(new Authentication.KeyFile(identity));
        }
        if (identities.isEmpty() && System.getenv("SSH_AUTH_SOCK") != null) {
            auth.add(new Authentication.Agent());
        }
        if (askPassword) {
            auth.add(new Authentication.Password(readSecret("Password for " + user + ": ")
                    .orElseThrow(() -> new UserError("No password given.", ExitCodes.BAD_INPUT))));
        }
        if (auth.isEmpty()) {
            throw new UserError("No way to log in: give --identity FILE, start ssh-agent, or use --ask-password.", ExitCodes.BAD_INPUT);
        }
        return auth;
    }

    /** Asks about one new host key at a time: status logs in to every host at once. */
    HostKeyPrompt hostKeyPrompt(PrintWriter err) {
        Console console = System.console();
        return key -> {
            synchronized (this) {
                return trust(key, console, err);
            }
        };
    }

    private boolean trust(HostKeyPrompt.UnknownKey key, Console console, PrintWriter err) {
        String description = key.host() + (key.port() == 22 ? "" : ":" + key.port()) + " presents a new host key: " + key.keyType()
                + " " + key.fingerprint();
        if (acceptNewHostKeys) {
            err.println(description + " (accepted: --accept-new-host-keys)");
            return true;
        }
        if (console == null) {
            err.println(description + ". Refused: check the fingerprint on the server (ssh-keygen -lf /etc/ssh/ssh_host_"
                    + key.keyType().replace("ssh-", "").replaceAll("-.*", "") + "_key.pub), then run again with --accept-new-host-keys.");
            return false;
        }
        String answer = console.readLine("%s%nTrust this key? Compare it with the server's own fingerprint first. [yes/no] ", description);
        return answer != null && answer.strip().equalsIgnoreCase("yes");
    }

    /** Reads a secret from the terminal without echo; never from arguments or the environment. */
    static Optional<Secret> readSecret(String prompt) {
        Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        char[] chars = console.readPassword("%s", prompt);
        return chars == null || chars.length == 0 ? Optional.empty() : Optional.of(Secret.of(new String(chars)));
    }
}
