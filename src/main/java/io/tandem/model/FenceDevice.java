package io.tandem.model;

/** The power controller (e.g. a BMC) that can switch {@code node} off. */
public record FenceDevice(String node, String address, String user, Secret password) {
}
