package io.tandem.verify;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.render.RenderedFile;
import io.tandem.render.Renderers;
import io.tandem.render.SecretPolicy;
import io.tandem.render.modern.CibRenderer;
import io.tandem.render.modern.PacemakerLayout.Nvpair;
import io.tandem.render.modern.PacemakerLayout.Primitive;
import io.tandem.render.modern.PacemakerLayoutBuilder;
import io.tandem.render.modern.TgtMutualChapAgentRenderer;
import io.tandem.testing.RealTools;
import io.tandem.testing.Variants;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tier 2: Tandem's {@code ocf:tandem:TgtMutualChap} as rendered for a tgt project with mutual CHAP,
 * run for real against a real tgtd in a {@link Sandbox} (its own network namespace: tgtd listens on
 * the sandbox's loopback, its control socket is in the test's directory), with libiscsi logging in
 * over that loopback. The target and its incoming account are made with tgtadm as the stock
 * iSCSITarget agent makes them; the agent adds the outgoing account. Secrets reach the sandbox as
 * environment variables only (ocf-tester passes exported OCF_RESKEY_ values on to the agent).
 */
class TgtMutualChapAgentRealToolsTest {

    private static final String IQN = "iqn.2024-01.test.lab:store";
    private static final String INITIATOR = "iqn.2024-01.test.lab:client";

    /** tgtd with target 1 (one 16 MiB LUN, every address allowed, the incoming account bound), and helpers that print one line each. */
    private static final String PRELUDE = """
            set +e
            ip link set lo up
            export TGT_IPC_SOCKET="$WORK/tgtd.sock"
            tgtd -f --iscsi portal=127.0.0.1:3260 </dev/null >"$WORK/tgtd.log" 2>&1 &
            tgtd=$!
            trap 'tgtadm --op delete --mode system >/dev/null 2>&1; sleep 0.3; kill -9 "$tgtd" 2>/dev/null' EXIT
            tries=0
            until tgtadm --op show --mode system >/dev/null 2>&1 || [ "$tries" -ge 100 ]; do sleep 0.1; tries=$((tries + 1)); done
            truncate -s 16M "$WORK/lun1.img"
            tgt() { tgtadm --lld iscsi "$@" >/dev/null; }
            tgt --op new --mode target --tid 1 --targetname "$IQN"
            tgt --op new --mode logicalunit --tid 1 --lun 1 --backing-store "$WORK/lun1.img"
            tgt --op bind --mode target --tid 1 --initiator-address ALL
            tgt --mode account --op new --user "$IN_USER" "--password=$IN_SECRET"
            tgt --mode account --op bind --tid 1 --user "$IN_USER"
            export OCF_RESKEY_tid OCF_RESKEY_username OCF_RESKEY_password
            agent() { OCF_RESOURCE_INSTANCE=p_mutual_chap "$AGENT" "$1" 2>>"$WORK/agent.log" >/dev/null; echo "$1 $?"; }
            outgoing() { echo "outgoing $(tgtadm --lld iscsi --op show --mode target | sed -n 's/^ *\\([^ ]*\\) (outgoing)$/\\1/p')"; }
            accounts() { echo "accounts $(tgtadm --lld iscsi --op show --mode account | sed -n 's/^    //p' | sort | tr '\\n' ' ')"; }
            # A login to LUN 1 asking the target to prove itself with $1 as its secret.
            login() {
              LIBISCSI_CHAP_USERNAME="$IN_USER" LIBISCSI_CHAP_PASSWORD="$IN_SECRET" LIBISCSI_CHAP_TARGET_USERNAME="$OCF_RESKEY_username" \\
                LIBISCSI_CHAP_TARGET_PASSWORD="$1" iscsi-inq -i "$INITIATOR" "iscsi://127.0.0.1/$IQN/1" >/dev/null 2>>"$WORK/login.log"
              if [ $? = 0 ]; then echo "login $2 accepted"; else echo "login $2 refused"; fi
            }
            """;

    private Path agent;
    private Map<String, String> params;
    private Project project;

    @BeforeEach
    void renderedAgent(@TempDir Path work) throws IOException {
        RealTools.require("tgtd", "tgtadm", "iscsi-inq", "ip", "sed");
        RealTools.requireSandbox();
        project = Variants.drbd9UbuntuTgtStonith();
        FileSet files = Renderers.render(project);
        RenderedFile file = files.find(project.nodes().getFirst().name(), TgtMutualChapAgentRenderer.INSTALLED_PATH).orElseThrow();
        assertThat(file.octalMode()).isEqualTo("0755");
        agent = work.resolve("TgtMutualChap");
        Files.writeString(agent, files.text(file, SecretPolicy.REDACT));
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        String cib = files.text(files.find(RenderedFile.CLUSTER, CibRenderer.PATH).orElseThrow(), SecretPolicy.REVEAL);
        Primitive primitive = new CibReader(cib).primitives().stream().filter(p -> p.id().equals(PacemakerLayoutBuilder.MUTUAL_CHAP_ID))
                .findFirst().orElseThrow();
        params = new HashMap<>();
        primitive.params().forEach(p -> params.put(p.name(), p.value()));
    }

    @Test
    void metaDataDeclaresWhatTheCibSetsAndTheRenderedValuesPassItsChecks(@TempDir Path work) throws IOException {
        var out = LocalCommand.run(List.of("sh", agent.toString(), "meta-data"), Map.of(), work, Duration.ofSeconds(10));
        assertThat(out.exitCode()).isZero();
        AgentMetadata metadata = AgentMetadata.parse(out.stdout());
        FileSet files = Renderers.render(project);
        Primitive redacted = ResourceAgentCheck.cibPrimitives(files).stream().filter(p -> p.agent().equals(TgtMutualChapAgentRenderer.AGENT))
                .findFirst().orElseThrow();
        assertThat(redacted.params()).extracting(Nvpair::name).containsExactly("tid", "username", "password");
        assertThat(ParameterJudge.judge(redacted, metadata, Optional.empty(), Set.of())).isEmpty();
        assertThat(params.get("password")).isEqualTo(project.chap().outgoing().secret().reveal());
    }

    @Test
    void startBindsTheOutgoingAccountSoMutualChapLogsInAndAWrongTargetSecretIsRefused(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                agent monitor; login "$OCF_RESKEY_password" before
                agent start; agent start; agent monitor; outgoing; accounts
                login "$OCF_RESKEY_password" right; login WrongTargetSecret1 wrong
                tgtadm --lld iscsi --mode account --op unbind --tid 1 --user "$OCF_RESKEY_username" --outgoing
                agent monitor; agent start; agent monitor; login "$OCF_RESKEY_password" again
                agent stop; agent stop; agent monitor; outgoing; accounts; login "$OCF_RESKEY_password" stopped
                """);
        String in = project.chap().incoming().user();
        String out = params.get("username");
        assertThat(List.of(in, out).stream().sorted().toList()).as("two accounts").hasSize(2);
        String both = String.join(" ", List.of(in, out).stream().sorted().toList()) + " ";
        assertThat(transcript).containsExactly(
                // Before start the target cannot prove itself: not running, a mutual login is refused.
                "monitor 7", "login before refused",
                // start (twice: idempotent) binds the account; only the right target secret is accepted.
                "start 0", "start 0", "monitor 0", "outgoing " + out, "accounts " + both,
                "login right accepted", "login wrong refused",
                // Unbound behind its back: monitor fails, a start (Pacemaker's recovery) binds it again.
                "monitor 7", "start 0", "monitor 0", "login again accepted",
                // stop (twice) unbinds and deletes the account; the incoming one stays with the target.
                "stop 0", "stop 0", "monitor 7", "outgoing ", "accounts " + in + " ", "login stopped refused");
        assertThat(Files.readString(work.resolve("login.log"))).contains("Invalid CHAP_R response from the target");
        assertThat(Files.readString(work.resolve("agent.log"))).doesNotContain(params.get("password"))
                .doesNotContain(project.chap().incoming().secret().reveal());
    }

    @Test
    void startReplacesAStaleAccountAndTakesTheOutgoingSlotAndNeedsTheTarget(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                tgtadm --lld iscsi --mode account --op new --user "$OCF_RESKEY_username" --password=StaleSecret0001 >/dev/null
                tgtadm --lld iscsi --mode account --op new --user someoneelse --password=OtherSecret0001 >/dev/null
                tgtadm --lld iscsi --mode account --op bind --tid 1 --user someoneelse --outgoing >/dev/null
                agent monitor; agent start; outgoing; login "$OCF_RESKEY_password" replaced; login StaleSecret0001 stale
                agent stop; OCF_RESKEY_tid=7 agent start; OCF_RESKEY_tid=7 agent monitor; OCF_RESKEY_tid=7 agent stop
                """);
        assertThat(transcript).containsExactly("monitor 7", "start 0", "outgoing " + params.get("username"),
                "login replaced accepted", "login stale refused",
                // No target 7: start fails (the group's order was broken), monitor and stop have nothing to do.
                "stop 0", "start 1", "monitor 7", "stop 0");
        assertThat(Files.readString(work.resolve("agent.log"))).contains("ocf-exit-reason:tgt has no target 7",
                "had outgoing account someoneelse");
    }

    @Test
    void badParametersAreNotConfiguredWithoutShowingTheSecretAndNothingRuns(@TempDir Path work) throws IOException {
        List<String> transcript = run(work, """
                for tid in 0 01 x '1;touch $WORK/pwned' 1234567890 ''; do OCF_RESKEY_tid="$tid" agent validate-all; done
                for user in '-x' 'a b' 'a$(touch $WORK/pwned)' ''; do OCF_RESKEY_username="$user" agent start; done
                for secret in 'two words' ''; do OCF_RESKEY_password="$secret" agent monitor; done
                OCF_RESKEY_username='a b' agent stop
                PATH=/nonexistent agent monitor; PATH=/nonexistent agent start
                agent promote; outgoing
                echo "pwned $(ls "$WORK" | grep -c pwned)"
                """);
        assertThat(transcript).containsExactly("validate-all 6", "validate-all 6", "validate-all 6", "validate-all 6", "validate-all 6",
                "validate-all 6", "start 6", "start 6", "start 6", "start 6", "monitor 6", "monitor 6",
                // A stop with a configuration nothing could have started with succeeds: no fencing for it.
                "stop 0",
                // Without tgtadm: a probe says not running, a start "not installed".
                "monitor 7", "start 5", "promote 3", "outgoing ", "pwned 0");
        assertThat(Files.readString(work.resolve("agent.log"))).doesNotContain(params.get("password")).doesNotContain("two words");
    }

    @Test
    void ocfTesterPassesTheAgent(@TempDir Path work) throws IOException {
        RealTools.require("ocf-tester", "xmllint");
        // ocf-tester, as root, runs the agent as nobody through su to check its mode; in the sandbox's
        // user namespace su cannot set groups, so a su that runs the command as it is stands in (the
        // rendered file's mode 0755 is asserted in renderedAgent()).
        List<String> transcript = run(work, """
                mkdir "$WORK/bin"
                printf '#!/bin/sh\\n[ "$1 $2 $3 $4" = "nobody -s /bin/sh -c" ] || exit 1\\nexec /bin/sh -c "$5"\\n' > "$WORK/bin/su"
                chmod 755 "$WORK/bin/su"
                PATH="$WORK/bin:$PATH" ocf-tester -n p_mutual_chap -o tid="$OCF_RESKEY_tid" -o username="$OCF_RESKEY_username" "$AGENT" > "$WORK/ocf-tester.txt" 2>&1
                echo "ocf-tester $?"
                """);
        String report = Files.readString(work.resolve("ocf-tester.txt"));
        assertThat(transcript).as(report).containsExactly("ocf-tester 0");
        assertThat(report).contains("passed all tests").doesNotContain(params.get("password"));
    }

    private List<String> run(Path work, String steps) throws IOException {
        Files.copy(agent, work.resolve("TgtMutualChap"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> environment = new HashMap<>(Map.of("AGENT", work.resolve("TgtMutualChap").toString(), "WORK", work.toString(),
                "IQN", IQN, "INITIATOR", INITIATOR,
                "IN_USER", project.chap().incoming().user(), "IN_SECRET", project.chap().incoming().secret().reveal(),
                "OCF_RESKEY_tid", params.get("tid"), "OCF_RESKEY_username", params.get("username"), "OCF_RESKEY_password", params.get("password")));
        var out = Sandbox.run(Sandbox.unshare().orElseThrow(), PRELUDE + steps, environment, work, Duration.ofSeconds(120));
        assertThat(out.exitCode()).as(out.stderr()).isZero();
        return out.stdout().lines().toList();
    }
}
