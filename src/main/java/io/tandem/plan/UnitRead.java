package io.tandem.plan;

import io.tandem.text.ShellQuote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The state of every systemd unit a host's probes ask about, in one {@code systemctl show}
 * instead of an {@code is-enabled} and an {@code is-active} per unit (each with a subshell and a
 * {@code head}: 6 processes a unit). Along with it, read once: whether pacemaker is installed
 * (dpkg), whether corosync is, the cluster name corosync runs with (only while it is active), and
 * which of the asked character devices exist (shell tests, no process).
 *
 * <p>{@code UnitFileState} is what {@code is-enabled} prints for a unit with a unit file; a unit
 * without one but with a SysV script is asked with {@code is-enabled} itself (which then asks the
 * SysV links), and where {@code systemctl show} answers nothing (no systemd running) every unit is
 * asked the old way, so each probe's answer is the one its own commands gave.
 */
public record UnitRead(List<String> units, List<String> charDevices) implements SharedRead {

    static final String NOT_INSTALLED = "not-installed";
    private static final String DELIMITER = "TANDEM_UNITS";

    public UnitRead {
        units = List.copyOf(new LinkedHashSet<>(units));
        charDevices = List.copyOf(new LinkedHashSet<>(charDevices));
        for (String unit : units) {
            if (!unit.matches("[A-Za-z0-9@._-]+")) {
                throw new IllegalArgumentException("unit: " + unit);
            }
        }
        for (String device : charDevices) {
            if (!device.startsWith("/dev/") || device.contains("\n")) {
                throw new IllegalArgumentException("device: " + device);
            }
        }
    }

    @Override
    public String name() {
        return PREFIX + "units";
    }

    @Override
    public SharedRead merge(SharedRead other) {
        UnitRead o = (UnitRead) other;
        List<String> u = new ArrayList<>(units);
        u.addAll(o.units);
        List<String> d = new ArrayList<>(charDevices);
        d.addAll(o.charDevices);
        return new UnitRead(u, d);
    }

    @Override
    public String script() {
        String units = ShellQuote.join(this.units);
        return "printf 'pacemaker %s\\n' \"$(dpkg-query -W -f='${db:Status-Abbrev}' pacemaker 2>/dev/null)\"\n"
                + "if command -v corosync >/dev/null 2>&1; then echo corosync-installed; fi\n"
                + (charDevices.isEmpty() ? "" : "for c in " + ShellQuote.join(charDevices) + "; do if [ -c \"$c\" ]; then printf 'chardev %s\\n' \"$c\"; fi; done\n")
                // unit ENABLED ACTIVE; SysV-only units ask is-enabled, which reads their rc links; corosync's cluster name while it runs.
                + "tandem_unit() {\ne=$2\ncase $e in ''|generated) if [ -e \"/etc/init.d/$1\" ]; then e=$(systemctl is-enabled \"$1\" 2>/dev/null | head -n1); fi;; esac\n"
                + "printf 'unit %s %s %s\\n' \"$1\" \"$e\" \"$3\"\n"
                + "if [ \"$1\" = corosync ] && [ \"$3\" = active ]; then printf 'name %s\\n' \"$(corosync-cmapctl -g totem.cluster_name 2>/dev/null)\"; fi\n}\n"
                + "s=$(systemctl show -p UnitFileState -p ActiveState -- " + units + " 2>/dev/null)\n"
                + "set -- " + units + "\nb=0; e=; a=\n"
                // One block per unit, in the order asked, a blank line after each (the here-document adds the last one).
                + "while IFS= read -r x; do case $x in\n"
                + "UnitFileState=*) e=${x#*=}; b=1;;\nActiveState=*) a=${x#*=}; b=1;;\n"
                + "'') if [ \"$b\" = 1 ] && [ \"$#\" -gt 0 ]; then tandem_unit \"$1\" \"$e\" \"$a\"; shift; fi; b=0; e=; a=;;\n"
                + "esac; done <<" + DELIMITER + "\n$s\n\n" + DELIMITER + "\n"
                + "for u; do tandem_unit \"$u\" \"$(systemctl is-enabled \"$u\" 2>/dev/null | head -n1)\" \"$(systemctl is-active \"$u\" 2>/dev/null | head -n1)\"; done";
    }

    /** What the read printed, parsed; empty when it did not run or is garbled. */
    record Seen(boolean pacemakerInstalled, boolean corosyncInstalled, List<String> charDevices, Map<String, String> units, String clusterName) {

        static Optional<Seen> of(ProbeResults.Output read) {
            if (!read.ok()) {
                return Optional.empty();
            }
            boolean pacemaker = false;
            boolean corosync = false;
            List<String> devices = new ArrayList<>();
            Map<String, String> units = new LinkedHashMap<>();
            StringBuilder name = new StringBuilder();
            for (String line : read.text().lines().toList()) {
                if (line.startsWith("pacemaker ")) {
                    pacemaker = line.substring(10).startsWith("ii");
                } else if (line.equals("corosync-installed")) {
                    corosync = true;
                } else if (line.startsWith("chardev ")) {
                    devices.add(line.substring(8));
                } else if (line.startsWith("unit ")) {
                    String[] w = line.split(" ", -1);
                    if (w.length != 4) {
                        return Optional.empty();
                    }
                    units.put(w[1], w[2] + " " + w[3]);
                } else if (line.startsWith("name ")) {
                    // as sed 's/.*= //' did: "totem.cluster_name (str) = NAME"
                    name.append(line.substring(5).replaceAll(".*= ", "")).append('\n');
                }
            }
            return Optional.of(new Seen(pacemaker, corosync, devices, units, name.toString()));
        }

        boolean active(String unit) {
            return Optional.ofNullable(units.get(unit)).map(s -> s.endsWith(" active")).orElse(false);
        }

        /** {@code UNIT ENABLED ACTIVE} lines, as the per-unit probes printed them; empty when a unit is missing. */
        Optional<String> lines(List<String> asked) {
            StringBuilder out = new StringBuilder();
            for (String unit : asked) {
                if (!units.containsKey(unit)) {
                    return Optional.empty();
                }
                out.append(unit).append(' ').append(units.get(unit)).append('\n');
            }
            return Optional.of(out.toString());
        }
    }

    /** A probe answered from the host's unit read: {@code answer} makes its output from what the read saw (empty: unread). */
    static Probe probe(String host, String name, UnitRead read, Function<Seen, Optional<String>> answer) {
        return Probe.from(host, name, read, out -> Seen.of(out).flatMap(answer)
                .map(text -> new ProbeResults.Output(text, 0)).orElse(new ProbeResults.Output("", 1)));
    }
}
