package io.tandem.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Linux bonding modes, with the numeric value the bonding module also accepts. */
public enum BondMode {
    @JsonProperty("balance-rr") BALANCE_RR(0, "balance-rr"),
    @JsonProperty("active-backup") ACTIVE_BACKUP(1, "active-backup"),
    @JsonProperty("balance-xor") BALANCE_XOR(2, "balance-xor"),
    @JsonProperty("broadcast") BROADCAST(3, "broadcast"),
    @JsonProperty("802.3ad") LACP(4, "802.3ad"),
    @JsonProperty("balance-tlb") BALANCE_TLB(5, "balance-tlb"),
    @JsonProperty("balance-alb") BALANCE_ALB(6, "balance-alb");

    private final int number;
    private final String kernelName;

    BondMode(int number, String kernelName) {
        this.number = number;
        this.kernelName = kernelName;
    }

    public int number() {
        return number;
    }

    public String kernelName() {
        return kernelName;
    }

    /** True for the modes whose links the bonding driver can check by ARP (not 802.3ad, balance-tlb, balance-alb). */
    public boolean monitorsByArp() {
        return this != LACP && this != BALANCE_TLB && this != BALANCE_ALB;
    }
}
