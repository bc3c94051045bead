package io.tandem.apply;

import io.tandem.text.ShellQuote;

import java.util.List;

/**
 * Every shell script of one commit-confirmed network change, as pure text: what Tandem runs over
 * SSH and what it leaves on the node. Paths and the id are validated by {@link NetworkChange} and
 * quoted here; the activate, re-activate and check commands are Tandem's own scripts and reach
 * the node only as the content of files (quoted), never spliced into a command line.
 *
 * <p>The node's rollback directory {@code D} holds {@code files/N} (a copy of the N-th file as it
 * was; none if it did not exist), {@code manifest} ({@code N path} per line), {@code restore.sh},
 * {@code activate.sh}, {@code reactivate.sh}, {@code activate-run.sh}, and while armed
 * {@code armed} ({@code systemd} or {@code setsid}) plus, without systemd, {@code sleeper.sh} and
 * {@code sleeper.pid}. Commit and rollback exclude each other through one {@code mkdir D/decided}:
 * whoever creates it first decides, and {@code D/decided/by} says who ({@code commit} or
 * {@code rollback}). A rollback leaves {@code D/rolled-back} (time, whether the files came back,
 * the re-activate command's exit status); a commit leaves {@code D/committed}.
 *
 * <p>Scripts Tandem runs print their answers as lines {@code tandem-netcommit KEY VALUE}.
 */
public final class NetworkCommitScripts {

    /** The prefix of every line Tandem reads back from these scripts. */
    public static final String ANSWER = "tandem-netcommit ";
    /** Seconds between launching the activation and running it, so the launch's answer reaches Tandem first. */
    static final int ACTIVATION_DELAY_SECONDS = 1;

    private final NetworkChange change;
    private final String dir;

    public NetworkCommitScripts(NetworkChange change) {
        this.change = change;
        this.dir = ShellQuote.quote(change.stateDir());
    }

    /**
     * Saves the current files, writes the node's scripts and arms the rollback; refuses an id used
     * before and a path that exists but is not a regular file. A failure before arming removes the
     * directory again, so nothing is left armed or half-saved.
     */
    public String arm() {
        StringBuilder s = new StringBuilder();
        s.append("set -e\numask 077\n");
        s.append("d=").append(dir).append('\n');
        s.append("mkdir -p ").append(ShellQuote.quote(change.stateRoot())).append('\n');
        s.append("if ! mkdir \"$d\" 2>/dev/null; then echo ")
                .append(ShellQuote.quote("rollback directory " + change.stateDir() + " exists already: use a new change id"))
                .append(" >&2; exit 3; fi\n");
        s.append("trap 'rm -rf \"$d\"' EXIT\n");
        s.append("mkdir \"$d/files\"\n");
        List<NetworkFile> files = change.files();
        for (int i = 0; i < files.size(); i++) {
            String path = ShellQuote.quote(files.get(i).path());
            s.append("if [ -f ").append(path).append(" ]; then cp -p ").append(path).append(" \"$d/files/").append(i).append("\"\n");
            s.append("elif [ -e ").append(path).append(" ] || [ -L ").append(path).append(" ]; then echo ")
                    .append(ShellQuote.quote(files.get(i).path() + " exists but is not a regular file; Tandem writes only regular files"))
                    .append(" >&2; exit 4; fi\n");
            s.append("printf '%s\\n' ").append(ShellQuote.quote(i + " " + files.get(i).path())).append(" >>\"$d/manifest\"\n");
        }
        writeFile(s, "restore.sh", restore());
        writeFile(s, "activate.sh", change.activate());
        writeFile(s, "reactivate.sh", change.reactivate());
        writeFile(s, "activate-run.sh", activationRunner());
        String seconds = change.window().toSeconds() + "s";
        boolean systemdAllowed = change.arming() != RollbackArming.DETACHED;
        boolean detachedAllowed = change.arming() != RollbackArming.SYSTEMD;
        if (systemdAllowed) {
            s.append("if [ -d /run/systemd/system ] && command -v systemd-run >/dev/null; then\n");
            s.append("    systemd-run --quiet --unit=").append(ShellQuote.quote(change.unit())).append(" --on-active=").append(seconds)
                    .append(" --timer-property=AccuracySec=1s --description=")
                    .append(ShellQuote.quote("Tandem network rollback " + change.id())).append(" /bin/sh \"$d/restore.sh\"\n");
            s.append("    echo systemd >\"$d/armed\"\n");
            s.append(detachedAllowed ? "else\n" : "else\n    echo 'systemd does not run this host: cannot arm a systemd timer' >&2; exit 5\n");
        }
        if (detachedAllowed) {
            String indent = systemdAllowed ? "    " : "";
            StringBuilder d = new StringBuilder();
            writeFile(d, "sleeper.sh", sleeper());
            d.append("setsid -f sh \"$d/sleeper.sh\" </dev/null >/dev/null 2>&1\n");
            d.append("i=0; while [ ! -s \"$d/sleeper.pid\" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done\n");
            d.append("[ -s \"$d/sleeper.pid\" ] || { echo 'the rollback sleeper did not start' >&2; exit 6; }\n");
            d.append("echo setsid >\"$d/armed\"\n");
            d.toString().lines().forEach(line -> s.append(indent).append(line).append('\n'));
        }
        if (systemdAllowed) {
            s.append("fi\n");
        }
        s.append("trap - EXIT\n");
        s.append("echo \"").append(ANSWER).append("armed $(cat \"$d/armed\")\"\n");
        return s.toString();
    }

    private static void writeFile(StringBuilder s, String name, String content) {
        s.append("printf '%s' ").append(ShellQuote.quote(content)).append(" >\"$d/").append(name).append("\"\n");
    }

    /** The node's rollback: runs at most once, and not at all once the change is committed. */
    public String restore() {
        StringBuilder s = new StringBuilder();
        s.append("#!/bin/sh\n");
        s.append("# Tandem network rollback ").append(change.id()).append(": puts back the files saved before the change, removes the\n");
        s.append("# ones that did not exist, re-activates the old configuration and records when. The first to\n");
        s.append("# create decided/ (this script, or Tandem confirming the change) decides; the other does nothing.\n");
        s.append("d=").append(dir).append('\n');
        s.append("mkdir \"$d/decided\" 2>/dev/null || exit 0\n");
        s.append("echo rollback >\"$d/decided/by\"\n");
        s.append("files=restored\n");
        List<NetworkFile> files = change.files();
        for (int i = 0; i < files.size(); i++) {
            String path = ShellQuote.quote(files.get(i).path());
            String temp = ShellQuote.quote(files.get(i).path() + ".tandem-rollback");
            s.append("if [ -f \"$d/files/").append(i).append("\" ]; then\n");
            s.append("    { cp -p \"$d/files/").append(i).append("\" ").append(temp).append(" && mv -f ").append(temp).append(' ')
                    .append(path).append("; } || files=FAILED\n");
            s.append("else\n");
            s.append("    rm -f ").append(path).append(" || files=FAILED\n");
            s.append("fi\n");
        }
        s.append("sh \"$d/reactivate.sh\" >\"$d/reactivate.log\" 2>&1\n");
        s.append("rc=$?\n");
        s.append("printf 'at=%s files=%s reactivate-exit=%s\\n' \"$(date -u +%Y-%m-%dT%H:%M:%SZ)\" \"$files\" \"$rc\" >\"$d/rolled-back.tmp\"\n");
        s.append("mv -f \"$d/rolled-back.tmp\" \"$d/rolled-back\"\n");
        return s.toString();
    }

    /** Without systemd: sleeps through the window in a session of its own, then rolls back. */
    public String sleeper() {
        return "#!/bin/sh\n"
                + "# Tandem network rollback " + change.id() + " without systemd: sleeps through the window, then rolls back.\n"
                + "# Tandem's confirmation kills this process group.\n"
                + "d=" + dir + "\n"
                + "echo $$ >\"$d/sleeper.pid.tmp\" && mv -f \"$d/sleeper.pid.tmp\" \"$d/sleeper.pid\"\n"
                + "sleep " + change.window().toSeconds() + "\n"
                + "exec sh \"$d/restore.sh\"\n";
    }

    /** Runs the activate command once, unless the change was decided already, and records its exit status. */
    public String activationRunner() {
        return "#!/bin/sh\n"
                + "d=" + dir + "\n"
                + "sleep " + ACTIVATION_DELAY_SECONDS + "\n"
                + "if [ -e \"$d/decided\" ]; then echo skipped >\"$d/activate.status\"; exit 0; fi\n"
                + "sh \"$d/activate.sh\" >\"$d/activate.log\" 2>&1\n"
                + "echo $? >\"$d/activate.status.tmp\"\n"
                + "mv -f \"$d/activate.status.tmp\" \"$d/activate.status\"\n";
    }

    /** Starts the activation detached from the SSH session: a cut connection cannot stop it half way. */
    public String launchActivation() {
        return "d=" + dir + "\n"
                + "[ -f \"$d/activate-run.sh\" ] || { echo 'the rollback is not armed: not activating' >&2; exit 3; }\n"
                + "setsid -f sh \"$d/activate-run.sh\" </dev/null >/dev/null 2>&1\n"
                + "echo '" + ANSWER + "activation started'\n";
    }

    /** Waits up to {@code seconds} for the activation to finish; answers its exit status, {@code skipped} or {@code running}. */
    public String awaitActivation(long seconds) {
        return "d=" + dir + "\n"
                + "i=0; while [ ! -f \"$d/activate.status\" ] && [ $i -lt " + Math.max(0, seconds) * 10 + " ]; do sleep 0.1; i=$((i + 1)); done\n"
                + "echo \"" + ANSWER + "activate $(cat \"$d/activate.status\" 2>/dev/null || echo running)\"\n";
    }

    /**
     * Confirms the change if the rollback has not started: takes decided/, stops the timer or
     * kills the sleeper's process group (only if that pid still runs the sleeper), removes the arm
     * state and keeps the saved files. Answers {@code decided commit} when it won.
     */
    public String disarm() {
        return "d=" + dir + "\n"
                + "if mkdir \"$d/decided\" 2>/dev/null; then\n"
                + "    echo commit >\"$d/decided/by\"\n"
                + "    if [ \"$(cat \"$d/armed\" 2>/dev/null)\" = systemd ]; then systemctl stop " + ShellQuote.quote(change.unit() + ".timer")
                + " 2>/dev/null || true; fi\n"
                + "    p=$(cat \"$d/sleeper.pid\" 2>/dev/null || true)\n"
                + "    case \"$p\" in\n"
                + "    '' | *[!0-9]*) ;;\n"
                + "    *) if tr '\\0' ' ' <\"/proc/$p/cmdline\" 2>/dev/null | grep -qF \"$d/sleeper.sh\"; then kill -15 -\"$p\" 2>/dev/null || true; fi ;;\n"
                + "    esac\n"
                + "    rm -f \"$d/armed\" \"$d/sleeper.pid\" \"$d/sleeper.sh\" \"$d/activate-run.sh\"\n"
                + "    date -u +%Y-%m-%dT%H:%M:%SZ >\"$d/committed\"\n"
                + "    echo '" + ANSWER + "decided commit'\n"
                + "else\n"
                + "    echo \"" + ANSWER + "decided $(cat \"$d/decided/by\" 2>/dev/null || echo rollback)\"\n"
                + "fi\n";
    }

    /** Starts the rollback now (the new configuration failed its check), detached and a second later, like the activation. */
    public String rollBackNow() {
        return "d=" + dir + "\n"
                + "setsid -f sh -c 'sleep " + ACTIVATION_DELAY_SECONDS + "; exec sh \"$1\"' sh \"$d/restore.sh\" </dev/null >/dev/null 2>&1\n"
                + "echo '" + ANSWER + "rollback started'\n";
    }

    /** Reads what the node decided: {@code decided}, {@code rolled-back} (the marker's line) and {@code activate}. */
    public String probe() {
        return "d=" + dir + "\n"
                + "if [ ! -d \"$d\" ]; then echo '" + ANSWER + "state missing'; exit 0; fi\n"
                + "echo \"" + ANSWER + "decided $(cat \"$d/decided/by\" 2>/dev/null || echo none)\"\n"
                + "if [ -f \"$d/rolled-back\" ]; then echo \"" + ANSWER + "rolled-back $(head -c 200 \"$d/rolled-back\" | head -n 1)\"; fi\n"
                + "echo \"" + ANSWER + "activate $(cat \"$d/activate.status\" 2>/dev/null || echo none)\"\n";
    }
}
