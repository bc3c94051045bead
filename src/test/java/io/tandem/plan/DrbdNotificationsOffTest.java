package io.tandem.plan;

import io.tandem.model.Project;
import io.tandem.render.FileSet;
import io.tandem.testing.Fixtures;
import io.tandem.testing.StandInTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A cluster applied when Tandem's DRBD clones had notify=true gets them off, all inside one maintenance-mode window. */
class DrbdNotificationsOffTest {

    /** The reference lab's live CIB: drbd_r0-clone with notify=true, as earlier Tandem versions rendered it too. */
    private static final String WITH_NOTIFY = Fixtures.vmlab("node1.healthy.cibadmin_Q.txt");

    @Test
    void aCibWithNotifyOnIsNotDoneTheRenderedOneIs() {
        List<String> ids = List.of("drbd_r0");
        assertThat(WITH_NOTIFY).contains("name=\"notify\" value=\"true\"");
        assertThat(DrbdNotificationsOff.done(WITH_NOTIFY, ids)).isFalse();
        assertThat(DrbdNotificationsOff.done(WITH_NOTIFY.replace("name=\"notify\" value=\"true\"", "name=\"notify\" value=\"false\""), ids)).isTrue();
        assertThat(DrbdNotificationsOff.done(WITH_NOTIFY, List.of("drbd_r7"))).as("only Tandem's clones count").isTrue();
        assertThat(DrbdNotificationsOff.done(ClusterSteps.NO_CIB + "\n", ids)).as("a node that never had a cluster").isTrue();
        assertThat(DrbdNotificationsOff.done("", ids)).as("an unread CIB is checked again when the step's turn comes").isFalse();
    }

    @Test
    void aPlanOnAClusterWithNotifyOnTurnsThemOffBeforeTheCibMergeAndAConvergedOneDoesNot() {
        Project project = PlanFixtures.vmLabSbd();
        FileSet files = PlanFixtures.render(project);
        ProbeResults converged = PlanFixtures.converged(project, files);
        assertThat(PlanFixtures.plan(project, converged)).extracting(Step::id).doesNotContain("drbd-notifications-off");

        ProbeResults earlier = PlanFixtures.converged(project, files);
        earlier.put("node1", "cib-file", new ProbeResults.Output(WITH_NOTIFY, 0));
        earlier.put("node1", "cib", new ProbeResults.Output(WITH_NOTIFY, 0));
        List<String> ids = PlanFixtures.plan(project, earlier).stream().map(Step::id).toList();
        assertThat(ids).contains("drbd-notifications-off");
        assertThat(ids).contains("cib");
        assertThat(ids.indexOf("drbd-notifications-off")).isLessThan(ids.indexOf("cib"));
    }

    /**
     * The script under the real sh with stand-ins for crm_resource and crm_attribute that keep each attribute as a file and
     * log every call: only the clones with notify on are changed, all inside one maintenance window that ends as it began.
     */
    @Test
    void theScriptChangesOnlyClonesWithNotifyOnInsideMaintenanceMode(@TempDir Path dir) throws Exception {
        attr(dir, "drbd_r0-clone.meta.notify", "true");
        attr(dir, "drbd_r1-clone.meta.notify", "true");
        attr(dir, "drbd_r2-clone.meta.notify", "false");
        standIns(dir, "");
        String script = DrbdNotificationsOff.script(List.of("drbd_r0", "drbd_r1", "drbd_r2"));
        assertThat(run(dir, script)).isZero();
        assertThat(changes(dir)).containsExactly(
                "crm_attribute --type crm_config --name maintenance-mode --update true",
                "crm_resource --wait --timeout=300s",
                "crm_resource --resource drbd_r0 --set-parameter ignore_missing_notifications --parameter-value true",
                "crm_resource --resource drbd_r0-clone --meta --delete-parameter notify",
                "crm_resource --refresh --resource drbd_r0-clone",
                "crm_resource --resource drbd_r1 --set-parameter ignore_missing_notifications --parameter-value true",
                "crm_resource --resource drbd_r1-clone --meta --delete-parameter notify",
                "crm_resource --refresh --resource drbd_r1-clone",
                "crm_resource --wait --timeout=300s",
                "crm_attribute --type crm_config --name maintenance-mode --delete",
                "crm_resource --wait --timeout=300s");
        assertThat(dir.resolve("attrs/crm_config.maintenance-mode")).doesNotExist();
        assertThat(dir.resolve("attrs/drbd_r0-clone.meta.notify")).doesNotExist();
        assertThat(dir.resolve("attrs/drbd_r1.ignore_missing_notifications")).hasContent("true");
        assertThat(dir.resolve("attrs/drbd_r2-clone.meta.notify")).as("notify=false is left alone").hasContent("false");

        // Again on what it left: it only reads, and never touches maintenance mode.
        Files.delete(dir.resolve("log"));
        assertThat(run(dir, script)).isZero();
        assertThat(changes(dir)).isEmpty();
    }

    @Test
    void aMaintenanceModeTheUserHadSetStays(@TempDir Path dir) throws Exception {
        attr(dir, "drbd_r0-clone.meta.notify", "true");
        attr(dir, "crm_config.maintenance-mode", "true");
        standIns(dir, "");
        assertThat(run(dir, DrbdNotificationsOff.script(List.of("drbd_r0")))).isZero();
        assertThat(changes(dir)).contains("crm_attribute --type crm_config --name maintenance-mode --update true")
                .doesNotContain("crm_attribute --type crm_config --name maintenance-mode --delete");
        assertThat(dir.resolve("attrs/crm_config.maintenance-mode")).hasContent("true");
    }

    /** A failed refresh ends the script with an error, and maintenance mode is lifted again rather than left on. */
    @Test
    void aFailingCommandStopsTheScriptAndLiftsMaintenanceMode(@TempDir Path dir) throws Exception {
        attr(dir, "drbd_r0-clone.meta.notify", "true");
        standIns(dir, "case \"$*\" in *--refresh*) echo 'refresh refused' >&2; exit 1 ;; esac\n");
        assertThat(run(dir, DrbdNotificationsOff.script(List.of("drbd_r0")))).isNotZero();
        List<String> changes = changes(dir);
        assertThat(changes.getLast()).isEqualTo("crm_attribute --type crm_config --name maintenance-mode --delete");
        assertThat(dir.resolve("attrs/crm_config.maintenance-mode")).doesNotExist();
    }

    /** Stand-ins keeping attributes as files under attrs/ ({@code crm_config.NAME}, {@code RSC[.meta].NAME}); {@code first} runs before each. */
    private static void standIns(Path dir, String first) throws Exception {
        String keep = """
                echo "$NAME $*" >> "$DIR/log"
                scope=; meta=; rsc=; name=; value=; action=
                while [ $# -gt 0 ]; do
                  case "$1" in
                    --type) scope=$2; shift ;;
                    --resource) rsc=$2; shift ;;
                    --meta) meta=.meta ;;
                    --name) name=$2; shift ;;
                    --get-parameter) action=get; name=$2; shift ;;
                    --query) action=get ;;
                    --set-parameter) action=set; name=$2; shift ;;
                    --parameter-value|--update) [ "$1" = --update ] && action=set; value=$2; shift ;;
                    --delete-parameter) action=delete; name=$2; shift ;;
                    --delete) action=delete ;;
                  esac
                  shift
                done
                f="$DIR/attrs/$scope$rsc$meta.$name"
                case $action in
                  get) [ -f "$f" ] || exit 6; cat "$f" ;;
                  set) printf '%s\\n' "$value" > "$f" ;;
                  delete) rm -f "$f" ;;
                esac
                """;
        StandInTools.tool(dir, "crm_resource", "NAME=crm_resource\n" + first + keep);
        StandInTools.tool(dir, "crm_attribute", "NAME=crm_attribute\n" + keep);
    }

    /** Every logged call but the reads. */
    private static List<String> changes(Path dir) throws Exception {
        Path log = dir.resolve("log");
        return !Files.exists(log) ? List.of()
                : Files.readAllLines(log).stream().filter(l -> !l.contains("--get-parameter") && !l.contains("--query")).toList();
    }

    private static int run(Path dir, String script) throws Exception {
        Process p = StandInTools.start(dir, script);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        p.getInputStream().readAllBytes();
        return p.exitValue();
    }

    private static void attr(Path dir, String name, String value) throws Exception {
        Files.createDirectories(dir.resolve("attrs"));
        Files.writeString(dir.resolve("attrs").resolve(name), value + "\n");
    }
}
