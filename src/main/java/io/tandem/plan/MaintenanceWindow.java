package io.tandem.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The shell frame of a change to live DRBD clones that must neither stop nor reload them: the cluster
 * goes into maintenance mode (the scheduler then starts, stops and reloads nothing, and probes still
 * run), the change is made and the clones probed again, so that their history already holds the new
 * definition when the cluster manages them again. Maintenance mode is put back as it was, also when a
 * command fails: a cluster left in maintenance would no longer fail over.
 */
final class MaintenanceWindow {

    private MaintenanceWindow() {
    }

    /**
     * {@code collect} sets {@code todo} to what needs the change; with {@code todo} empty the script ends there without
     * touching maintenance mode, else {@code change} runs inside the window.
     */
    static String script(List<String> collect, List<String> change) {
        List<String> lines = new ArrayList<>(List.of("set -e", "todo="));
        lines.addAll(collect);
        lines.addAll(List.of(
                "[ -n \"$todo\" ] || exit 0",
                "mm=$(crm_attribute --type crm_config --name maintenance-mode --query --quiet 2>/dev/null || true)",
                "restore() {",
                "  if [ -n \"$mm\" ]; then",
                "    crm_attribute --type crm_config --name maintenance-mode --update \"$mm\"",
                "  else",
                "    crm_attribute --type crm_config --name maintenance-mode --delete",
                "  fi",
                "}",
                "trap 'rc=$?; trap - EXIT; [ $rc -eq 0 ] || restore; exit $rc' EXIT",
                "crm_attribute --type crm_config --name maintenance-mode --update true",
                "crm_resource --wait --timeout=300s"));
        lines.addAll(change);
        lines.addAll(List.of(
                "crm_resource --wait --timeout=300s",
                "trap - EXIT",
                "restore",
                "crm_resource --wait --timeout=300s",
                ""));
        return String.join("\n", lines);
    }
}
