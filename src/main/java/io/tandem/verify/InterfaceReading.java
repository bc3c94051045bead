package io.tandem.verify;

import java.util.List;

/**
 * One network interface as a real tool understood a generated file (ifquery's options, or the
 * systemd-networkd files netplan generates): what is compared with the project.
 *
 * @param addresses in CIDR form, e.g. 192.168.50.11/24
 * @param gateway   the default route's gateway, null when none
 * @param bond      null when the interface is no bond
 */
public record InterfaceReading(String name, List<String> addresses, String gateway, Bond bond) {

    public InterfaceReading {
        addresses = List.copyOf(addresses);
    }

    /** Bond settings; times in milliseconds, null when the tool did not see the setting. */
    public record Bond(String mode, Integer miimon, Integer updelay, Integer downdelay, String primary, List<String> slaves) {

        public Bond {
            slaves = List.copyOf(slaves);
        }
    }
}
