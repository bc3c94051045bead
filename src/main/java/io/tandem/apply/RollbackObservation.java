package io.tandem.apply;

import io.tandem.text.HostText;

import java.util.Optional;

/**
 * What the node's rollback directory says, read by {@link NetworkCommitScripts#probe()} or the
 * other scripts' answers: who decided (nobody yet, the commit, the rollback), the rollback's
 * marker line, and the activation's status ({@code 0}, another exit status, {@code skipped},
 * {@code running}, {@code none}).
 */
public record RollbackObservation(Decided decided, Optional<String> rolledBack, String activate) {

    public enum Decided { NONE, COMMIT, ROLLBACK, STATE_MISSING }

    /** Reads the {@code tandem-netcommit KEY VALUE} lines; host text, so values are escaped. */
    public static RollbackObservation parse(String stdout) {
        Decided decided = Decided.NONE;
        Optional<String> rolledBack = Optional.empty();
        String activate = "none";
        for (String line : stdout.split("\n", -1)) {
            if (!line.startsWith(NetworkCommitScripts.ANSWER)) {
                continue;
            }
            String rest = line.substring(NetworkCommitScripts.ANSWER.length());
            int space = rest.indexOf(' ');
            String key = space < 0 ? rest : rest.substring(0, space);
            String value = HostText.line(space < 0 ? "" : rest.substring(space + 1).strip());
            switch (key) {
                case "state" -> decided = "missing".equals(value) ? Decided.STATE_MISSING : decided;
                case "decided" -> decided = switch (value) {
                    case "commit" -> Decided.COMMIT;
                    case "rollback" -> Decided.ROLLBACK;
                    default -> decided == Decided.STATE_MISSING ? decided : Decided.NONE;
                };
                case "rolled-back" -> rolledBack = Optional.of(value);
                case "activate" -> activate = value;
                default -> {
                }
            }
        }
        return new RollbackObservation(decided, rolledBack, activate);
    }

    /** The rollback marker says the files came back and the re-activate command exited 0. */
    public boolean rolledBackCleanly() {
        return rolledBack.map(RollbackObservation::isCleanMarker).orElse(false);
    }

    /** A marker line of a rollback that restored every file and whose re-activate command exited 0. */
    static boolean isCleanMarker(String marker) {
        return marker.contains(" files=restored ") && marker.endsWith(" reactivate-exit=0");
    }
}
