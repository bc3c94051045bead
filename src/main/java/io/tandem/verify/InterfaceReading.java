package io.tandem.verify;

import java.util.List;

/**
 * One network interface as a real tool understood a generated file (ifquery's options, or the
 * systemd-networkd files netplan generates): what is compared with the project.
 *
 * @param addresses in CIDR form, e.g. 192.168.50.11/24
 * @param gateway   the default route's gateway, null when none
 * @param routes    the other routes, each {@code SUBNET via GATEWAY metric N}
 * @param bond      null when the interface is no bond
 */
public record InterfaceReading(String name, List<String> addresses, String gateway, List<String> routes, Bond bond) {

    public InterfaceReading {
        addresses = List.copyOf(addresses);
        routes = List.copyOf(routes);
    }

    /** A route in the form {@link #routes} holds. */
    public static String route(String subnet, String gateway, Object metric) {
        return subnet + " via " + gateway + " metric " + metric;
    }

    /**
     * Bond settings; times in milliseconds, null when the tool did not see the setting.
     *
     * @param arpInterval the ARP monitor's interval, null without one
     * @param arpTargets  the addresses the ARP monitor probes
     */
    public record Bond(String mode, Integer miimon, Integer updelay, Integer downdelay, String primary, List<String> slaves,
                       Integer arpInterval, List<String> arpTargets) {

        public Bond {
            slaves = List.copyOf(slaves);
            arpTargets = List.copyOf(arpTargets);
        }
    }
}
