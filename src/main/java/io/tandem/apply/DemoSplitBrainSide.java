package io.tandem.apply;

import java.time.Instant;

/**
 * One node's side of a DRBD resource's split brain in the demo, as a split-brain dialog shows it
 * before the user chooses whose changes to discard ({@link SimulatedCluster#discardChangesOf}).
 *
 * @param node                  the node
 * @param outOfSyncKiB          what it changed that the other lacks: its {@code oos:} in /proc/drbd
 * @param lastPrimary           when it was last Primary; null while it is Primary
 * @param generationIdentifiers {@code drbdadm get-gi RESOURCE} as DRBD 8.4 prints it:
 *                              {@code CURRENT:BITMAP:HISTORY1:HISTORY2:} then seven flags
 *                              (consistent, was up to date, primary, connected, full sync, peer
 *                              outdated, crashed primary), e.g.
 *                              {@code 363B84DB16D34991:1446A59C56A4CE39:0DDAB7184AA7F0EB:0DD9B7184AA7F0EB:1:1:1:0:0:1:0}
 */
public record DemoSplitBrainSide(String node, long outOfSyncKiB, Instant lastPrimary, String generationIdentifiers) {
}
