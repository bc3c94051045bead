package io.tandem.facts;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads DRBD 9's {@code drbdsetup status --json --statistics all} (the layout drbd-utils'
 * {@code user/v9/drbdsetup.c} prints: an array of resources, each with {@code devices} and
 * {@code connections}, each connection with {@code peer_devices}) into the same per-minor states
 * {@code /proc/drbd} gives on 8.4, so the health rules judge both modules alike. DRBD 9 has no
 * per-minor lines in {@code /proc/drbd}; without this every resource would read "not configured".
 * <p>
 * DRBD 9 splits 8.4's one connection state in two: the connection's ({@code Connected},
 * {@code Connecting}…) and each volume's replication state ({@code Established},
 * {@code SyncSource}…). They are put back into 8.4's word: a connected volume is its replication
 * state, except that {@code Established} (and {@code Off}, a peer without its disk) read
 * {@code Connected}; {@code Connecting} reads {@code WFConnection}. Two nodes have one peer; with
 * more, the first connection is the one reported.
 */
public final class DrbdStatusJsonParser {

    public static final String FACT = "drbdsetup status --json";
    public static final String COMMAND = "drbdsetup status --json --statistics all";

    /** What drbdsetup prints for "estimated-seconds-to-finish" when nothing was transferred yet. */
    private static final long NO_ESTIMATE = 987_654_321L;
    private static final Map<String, String> CONNECTION_WORDS = Map.of("Connecting", "WFConnection");
    private static final Map<String, String> REPLICATION_WORDS = Map.of("Established", "Connected", "Off", "Connected");

    private DrbdStatusJsonParser() {
    }

    public static List<DrbdDeviceState> parse(String output) throws FactParseException {
        JsonNode root = JsonOutput.read(FACT, output);
        if (!root.isArray()) {
            throw new FactParseException(FACT, "expected an array of resources");
        }
        List<DrbdDeviceState> states = new ArrayList<>();
        for (JsonNode resource : root) {
            String name = required(resource, "name");
            String role = required(resource, "role");
            JsonNode devices = JsonOutput.array(FACT, resource, "devices");
            JsonNode connections = resource.get("connections");
            JsonNode connection = connections != null && connections.isArray() && !connections.isEmpty() ? connections.get(0) : null;
            for (JsonNode device : devices) {
                states.add(device(name, role, device, connection));
            }
        }
        return List.copyOf(states);
    }

    private static DrbdDeviceState device(String resource, String role, JsonNode device, JsonNode connection) throws FactParseException {
        int volume = number(device, "volume", resource);
        int minor = number(device, "minor", resource);
        String disk = required(device, "disk-state");
        if (connection == null) {
            // No peer configured (or it was deleted): alone, as 8.4 says after a disconnect.
            return new DrbdDeviceState(minor, "StandAlone", role, "Unknown", disk, "DUnknown", 0, null);
        }
        String connectionState = required(connection, "connection-state");
        String peerRole = required(connection, "peer-role");
        JsonNode peer = peerDevice(connection, volume);
        if (peer == null) {
            return new DrbdDeviceState(minor, word(connectionState, null), role, peerRole, disk, "DUnknown", 0, null);
        }
        long outOfSync = outOfSync(peer);
        return new DrbdDeviceState(minor, word(connectionState, required(peer, "replication-state")), role, peerRole,
                disk, required(peer, "peer-disk-state"), outOfSync, progress(peer, device, outOfSync));
    }

    private static long outOfSync(JsonNode peer) throws FactParseException {
        Long kib = JsonOutput.number(FACT, peer, "out-of-sync");
        return kib == null ? 0 : kib;
    }

    private static String word(String connectionState, String replicationState) {
        if (!connectionState.equals("Connected") || replicationState == null) {
            return CONNECTION_WORDS.getOrDefault(connectionState, connectionState);
        }
        return REPLICATION_WORDS.getOrDefault(replicationState, replicationState);
    }

    private static JsonNode peerDevice(JsonNode connection, int volume) throws FactParseException {
        JsonNode peers = connection.get("peer_devices");
        if (peers == null || !peers.isArray()) {
            return null;
        }
        for (JsonNode peer : peers) {
            Long v = JsonOutput.number(FACT, peer, "volume");
            if (v != null && v == volume) {
                return peer;
            }
        }
        return null;
    }

    /**
     * A resync or verify in progress: drbdsetup prints {@code percent-resync-done} only then, with
     * the details (total in sectors, recent rate in MiB/s, the estimate) when the kernel has them.
     */
    private static DrbdDeviceState.SyncProgress progress(JsonNode peer, JsonNode device, long outOfSyncKiB) throws FactParseException {
        Double done = decimal(peer, "percent-resync-done");
        if (done == null) {
            return null;
        }
        boolean verify = JsonOutput.flag(FACT, peer, "has-online-verify-details");
        Long totalSectors = JsonOutput.number(FACT, peer, "rs-total");
        Long sizeKiB = JsonOutput.number(FACT, device, "size");
        long totalKiB = totalSectors != null ? totalSectors / 2 : sizeKiB == null ? outOfSyncKiB : sizeKiB;
        // A verify counts what is left to compare (ov-left, in sectors), not what is out of sync.
        Long verifyLeft = verify ? JsonOutput.number(FACT, peer, "ov-left") : null;
        long remainingKiB = verifyLeft != null ? verifyLeft / 2 : outOfSyncKiB;
        Long seconds = JsonOutput.number(FACT, peer, "estimated-seconds-to-finish");
        Duration finish = seconds == null || seconds >= NO_ESTIMATE || seconds < 0 ? null : Duration.ofSeconds(seconds);
        Double mibPerSecond = decimal(peer, "db1/dt1 [MiB/s]");
        long speed = mibPerSecond == null ? 0 : Math.round(mibPerSecond * 1024);
        return new DrbdDeviceState.SyncProgress(verify, done, remainingKiB, totalKiB, finish, speed);
    }

    private static Double decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static String required(JsonNode node, String field) throws FactParseException {
        return JsonOutput.requiredText(FACT, node, field);
    }

    private static int number(JsonNode node, String field, String resource) throws FactParseException {
        Long value = JsonOutput.number(FACT, node, field);
        if (value == null || value < 0 || value > Integer.MAX_VALUE) {
            throw new FactParseException(FACT, "resource '" + resource + "': a device without a valid '" + field + "'");
        }
        return value.intValue();
    }
}
