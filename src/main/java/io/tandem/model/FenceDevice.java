package io.tandem.model;

/**
 * What can switch {@code node} off: its BMC (IPMI), or the libvirt host that runs it as the
 * virtual machine {@code plug} (the domain name, fence_virsh only). {@code cipher}: the IPMI 2.0
 * cipher suite to log in with (fence_ipmilan's {@code cipher}); without it ipmitool asks the BMC
 * which suites it has, and a BMC that does not answer that costs seconds at every fencing.
 */
public record FenceDevice(String node, String address, String user, Secret password, @OptionalField String plug,
        @OptionalField Integer cipher) {

    /** IPMI 2.0's cipher suites are numbered 0-17; suite 0 logs in without checking the password. */
    public static final int MAX_CIPHER_SUITE = 17;

    public FenceDevice(String node, String address, String user, Secret password, String plug) {
        this(node, address, user, password, plug, null);
    }
}
