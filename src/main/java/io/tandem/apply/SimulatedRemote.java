package io.tandem.apply;

import io.tandem.facts.CrmMonParser;
import io.tandem.facts.ProcDrbdParser;
import io.tandem.plan.NetworkChange;
import io.tandem.plan.StepFailure;
import io.tandem.render.SecretBook;
import io.tandem.ssh.ExecResult;
import io.tandem.ssh.RemoteCommand;
import io.tandem.ssh.SshFailure;
import io.tandem.text.HostText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One demo host as a step sees it: each command is answered after a compressed but realistic
 * pause with what the real tool would print (apt's progress lines, /proc/drbd during the initial
 * sync, crm_mon's XML while resources start), journaled and reported like {@link SshRemote} does.
 * A destructive write refuses a device that holds data unless it was confirmed, as the real
 * script does.
 */
final class SimulatedRemote implements StepRemote {

    /** DestructiveWrite's exit status for "holds data, not confirmed". */
    private static final int NOT_CONFIRMED = 4;
    private static final Pattern PACKAGES = Pattern.compile("--force-confold (.+?) \\|\\|");
    private static final Pattern PRIMARY = Pattern.compile("drbdadm primary --force '?([A-Za-z0-9_.-]+)'?");
    private static final Pattern DEVICE = Pattern.compile("(?m)^d='?(/dev/[A-Za-z0-9/._:-]+?)'?$");
    /** What apt pulls in beside the packages asked for on a minimal Debian 12 (names from a real install). */
    private static final List<String> DEPENDENCIES = List.of("libqb100", "libknet1", "libnozzle1", "libcorosync-common4", "libcfg7",
            "libcmap4", "libquorum5", "libvotequorum8", "libcrmcommon34", "libpe-status34", "libpe-rules26", "libcib27", "liblrmd28",
            "libstonithd26", "libcrmservice28", "libcrmcluster29", "pacemaker-cli-utils", "pacemaker-resource-agents", "fence-agents",
            "python3-rtslib-fb", "python3-configshell-fb", "python3-pyudev", "python3-lxml", "libxml2-utils", "xsltproc", "libnet1",
            "cluster-glue", "libesmtp6", "libopenhpi3", "libtimedate-perl");

    private final String host;
    private final SimulatedCluster cluster;
    private final Journal journal;
    private final String run;
    private final SecretBook secrets;
    private final Set<String> confirmed;
    private final ApplyListener listener;
    private volatile String step = "";

    SimulatedRemote(String host, SimulatedCluster cluster, Journal journal, String run, SecretBook secrets, Set<String> confirmed,
                    ApplyListener listener) {
        this.host = host;
        this.cluster = cluster;
        this.journal = journal;
        this.run = run;
        this.secrets = secrets;
        this.confirmed = confirmed;
        this.listener = listener;
    }

    @Override
    public void step(String id) {
        this.step = id;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public ExecResult run(RemoteCommand command, byte[] stdin, Duration timeout, Consumer<String> lines) throws SshFailure {
        long start = System.nanoTime();
        ExecResult result = answer(command.script(), line -> {
            lines.accept(line);
            listener.output(host, step, mask(command, line));
        }, start);
        String output = mask(command, result.stdout() + (result.stderr().isEmpty() ? "" : "\n[stderr]\n" + result.stderr()));
        journal.append(new JournalEntry(Instant.now(), run, "command", host, step, command.display(), result.exitStatus(), output));
        listener.command(host, step, secrets.hide(command.display()), result.exitStatus());
        return result;
    }

    @Override
    public ExecResult read(RemoteCommand command, byte[] stdin, Duration timeout) throws SshFailure, StepFailure {
        ExecResult result = answer(command.script(), line -> { }, System.nanoTime());
        journal.append(new JournalEntry(Instant.now(), run, "command", host, step, command.display(), result.exitStatus(), SshRemote.NOT_KEPT));
        listener.command(host, step, secrets.hide(command.display()), result.exitStatus());
        if (!result.ok()) {
            throw new StepFailure("reading on " + host + " failed (exit status " + result.exitStatus() + ")", result.stderr().strip());
        }
        return result;
    }

    private String mask(RemoteCommand command, String text) {
        return HostText.lines(secrets.hide(command.mask(text)));
    }

    /** The simulated host's answer to {@code script}. */
    private ExecResult answer(String script, Consumer<String> lines, long start) {
        if (script.contains("apt-get install")) {
            return apt(script, lines, start);
        }
        if (script.contains(ProcDrbdParser.COMMAND)) {
            return done(start, cluster.procDrbd(), 40);
        }
        if (script.contains(CrmMonParser.COMMAND)) {
            return done(start, cluster.crmMon(), 120);
        }
        Matcher primary = PRIMARY.matcher(script);
        if (primary.find()) {
            cluster.syncStarted(primary.group(1));
            return done(start, "", 300);
        }
        if (script.startsWith("cibadmin -Q")) {
            return done(start, "<cib crm_feature_set=\"3.16.1\" validate-with=\"pacemaker-3.9\" epoch=\"5\" num_updates=\"0\" admin_epoch=\"0\">"
                    + "<configuration><crm_config/><nodes/><resources/><constraints/></configuration><status/></cib>\n", 200);
        }
        if (script.contains("cibadmin --patch")) {
            cluster.resourcesLoaded();
            return done(start, "", 500);
        }
        if (script.startsWith("TANDEM_CONFIRMED=")) {
            return destructive(script, start);
        }
        if (script.startsWith("f=") && script.contains("echo ABSENT")) {
            return done(start, "ABSENT\n", 30);
        }
        if (script.contains("blkid -c /dev/null -p -s UUID")) {
            return done(start, "5e1f0c2a-7d43-4b8e-9a61-3c2d1e0f9b84\n", 60);
        }
        if (script.contains("/sys/block/drbd") && script.startsWith("cat ")) {
            return done(start, Long.toString(32L * 1024 * 1024) + "\n", 20);
        }
        long pause = script.contains("systemctl") ? 700 : script.contains("create-md") ? 600 : script.contains("mkfs") ? 900
                : script.contains("iscsiadm") ? 800 : script.contains("drbdadm") ? 300 : 40;
        return done(start, "", pause);
    }

    private ExecResult done(long start, String stdout, long pauseMillis) {
        pause(cluster.scaled(pauseMillis));
        return new ExecResult(0, stdout, "", Duration.ofNanos(System.nanoTime() - start));
    }

    /** apt-get's own lines, one package at a time; the armed fault fails it as apt does when a repository lacks a package. */
    private ExecResult apt(String script, Consumer<String> lines, long start) {
        Matcher m = PACKAGES.matcher(script);
        List<String> asked = m.find() ? List.of(m.group(1).replace("'", "").split(" ")) : List.of();
        StringBuilder out = new StringBuilder();
        Consumer<String> print = line -> {
            out.append(line).append('\n');
            lines.accept(line);
        };
        print.accept("Reading package lists...");
        print.accept("Building dependency tree...");
        print.accept("Reading state information...");
        if (cluster.takeMissingPackage(host)) {
            pause(cluster.scaled(800));
            return new ExecResult(100, out.toString(), "E: Unable to locate package " + SimulatedCluster.MISSING_PACKAGE + "\n",
                    Duration.ofNanos(System.nanoTime() - start));
        }
        List<String> all = new ArrayList<>(asked);
        DEPENDENCIES.stream().limit(host.equals(cluster.project().nodes().getFirst().name()) || asked.size() > 2 ? DEPENDENCIES.size() : 6)
                .forEach(all::add);
        print.accept("The following NEW packages will be installed:");
        print.accept("  " + String.join(" ", all));
        print.accept("0 upgraded, " + all.size() + " newly installed, 0 to remove and 0 not upgraded.");
        Duration each = cluster.scaled(4500 / Math.max(1, all.size()));
        for (int i = 0; i < all.size(); i++) {
            print.accept("Get:" + (i + 1) + " http://deb.debian.org/debian bookworm/main amd64 " + all.get(i) + " [demo]");
        }
        for (String p : all) {
            print.accept("Unpacking " + p + " ...");
        }
        for (String p : all) {
            pause(each);
            print.accept("Setting up " + p + " ...");
        }
        print.accept("Processing triggers for man-db (2.11.2-2) ...");
        return new ExecResult(0, out.toString(), "", Duration.ofNanos(System.nanoTime() - start));
    }

    /** As DestructiveWrite's script: a device holding data is written only when confirmed, and is then wiped. */
    private ExecResult destructive(String script, long start) {
        Matcher device = DEVICE.matcher(script);
        String path = device.find() ? device.group(1) : "";
        boolean holds = !path.isEmpty() && !cluster.signatures(host, path).isEmpty();
        if (holds && !script.startsWith("TANDEM_CONFIRMED=yes")) {
            pause(cluster.scaled(200));
            return new ExecResult(NOT_CONFIRMED, "", path + " holds data and its overwrite was not confirmed\n",
                    Duration.ofNanos(System.nanoTime() - start));
        }
        if (holds) {
            cluster.wipe(host, path);
        }
        return done(start, "", 700);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String runStamp() {
        return run;
    }

    @Override
    public boolean confirmedDestroy(String device) {
        return confirmed.contains(host + ":" + device);
    }

    /** The commit-confirm phases as the real change reports them, with the node's rollback armed meanwhile. */
    @Override
    public void changeNetwork(NetworkChange change) throws InterruptedException {
        long start = System.nanoTime();
        for (String phase : List.of("armed", "files written", "activation started", "reconnecting", "verifying")) {
            progress("network: " + phase);
            Thread.sleep(cluster.scaled(600));
        }
        progress("network: committed (" + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s)");
    }

    @Override
    public void progress(String message) {
        listener.progress(host, step, HostText.line(message));
    }
}
