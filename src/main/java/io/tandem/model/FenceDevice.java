package io.tandem.model;

/**
 * What can switch {@code node} off: its BMC (IPMI), or the libvirt host that runs it as the
 * virtual machine {@code plug} (the domain name, fence_virsh only).
 */
public record FenceDevice(String node, String address, String user, Secret password, @OptionalField String plug) {
}
