package io.tandem.facts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code drbdsetup events2 --now [--statistics] all}: one {@code exists OBJECT key:value…}
 * line per resource, connection, device and peer-device, closed by {@code exists -}. Output without
 * that last line was cut short and is refused. Objects this parser does not use ({@code path} in
 * DRBD 9) are skipped. It works with the 8.4 module, unlike {@code drbdsetup status --json}.
 */
public final class DrbdEvents2Parser {

    public static final String FACT = "drbdsetup events2";
    public static final String COMMAND = "drbdsetup events2 --now --statistics all";

    private DrbdEvents2Parser() {
    }

    public static List<DrbdResourceStatus> parse(String output) throws FactParseException {
        Map<String, ResourceBuilder> resources = new LinkedHashMap<>();
        boolean complete = false;
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] words = line.strip().split("\\s+");
            if (!words[0].equals("exists")) {
                throw new FactParseException(FACT, "expected only 'exists' lines (was --now given?), got: " + line.strip());
            }
            if (words.length == 2 && words[1].equals("-")) {
                complete = true;
                break;
            }
            if (words.length < 3) {
                throw new FactParseException(FACT, "an 'exists' line without fields: " + line.strip());
            }
            Map<String, String> fields = fields(words);
            String name = required(fields, "name", line);
            if (words[1].equals("resource")) {
                resources.put(name, new ResourceBuilder(name, required(fields, "role", line), "yes".equals(fields.get("suspended"))));
                continue;
            }
            ResourceBuilder resource = resources.get(name);
            if (resource == null) {
                throw new FactParseException(FACT, words[1] + " of resource '" + name + "' before the resource itself");
            }
            switch (words[1]) {
                case "connection" -> resource.connection(fields, line);
                case "device" -> resource.volumes.add(new DrbdResourceStatus.Volume(
                        number(fields, "volume", line), number(fields, "minor", line), required(fields, "disk", line)));
                case "peer-device" -> resource.peerDevice(fields, line);
                default -> {
                    // path and whatever later DRBD releases add
                }
            }
        }
        if (!complete) {
            throw new FactParseException(FACT, "output ends before 'exists -' (cut short?)");
        }
        List<DrbdResourceStatus> statuses = new ArrayList<>();
        for (ResourceBuilder resource : resources.values()) {
            statuses.add(resource.build());
        }
        return List.copyOf(statuses);
    }

    private static Map<String, String> fields(String[] words) throws FactParseException {
        Map<String, String> fields = new HashMap<>();
        for (int i = 2; i < words.length; i++) {
            int colon = words[i].indexOf(':');
            if (colon <= 0) {
                throw new FactParseException(FACT, "expected key:value, got '" + words[i] + "'");
            }
            fields.putIfAbsent(words[i].substring(0, colon), words[i].substring(colon + 1));
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String key, String line) throws FactParseException {
        String value = fields.get(key);
        if (value == null || value.isEmpty()) {
            throw new FactParseException(FACT, "no " + key + ": in " + line.strip());
        }
        return value;
    }

    private static int number(Map<String, String> fields, String key, String line) throws FactParseException {
        String value = required(fields, key, line);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, key + " is not a number in " + line.strip(), e);
        }
    }

    private static Long optionalLong(Map<String, String> fields, String key, String line) throws FactParseException {
        String value = fields.get(key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new FactParseException(FACT, key + " is not a number in " + line.strip(), e);
        }
    }

    /** Connections are keyed by conn-name (8.4 calls its only peer "peer"), falling back to the peer's node id. */
    private static String connectionKey(Map<String, String> fields, String line) throws FactParseException {
        String name = fields.get("conn-name");
        return name != null ? name : required(fields, "peer-node-id", line);
    }

    private static final class ResourceBuilder {
        private final String name;
        private final String role;
        private final boolean suspended;
        private final List<DrbdResourceStatus.Volume> volumes = new ArrayList<>();
        private final Map<String, PeerBuilder> peers = new LinkedHashMap<>();

        ResourceBuilder(String name, String role, boolean suspended) {
            this.name = name;
            this.role = role;
            this.suspended = suspended;
        }

        void connection(Map<String, String> fields, String line) throws FactParseException {
            String key = connectionKey(fields, line);
            peers.put(key, new PeerBuilder(key, number(fields, "peer-node-id", line),
                    required(fields, "connection", line), required(fields, "role", line)));
        }

        void peerDevice(Map<String, String> fields, String line) throws FactParseException {
            PeerBuilder peer = peers.get(connectionKey(fields, line));
            if (peer == null) {
                throw new FactParseException(FACT, "peer-device before its connection: " + line.strip());
            }
            peer.volumes.add(new DrbdResourceStatus.PeerVolume(number(fields, "volume", line),
                    required(fields, "replication", line), required(fields, "peer-disk", line),
                    optionalLong(fields, "out-of-sync", line)));
        }

        DrbdResourceStatus build() {
            List<DrbdResourceStatus.Peer> built = new ArrayList<>();
            for (PeerBuilder peer : peers.values()) {
                built.add(new DrbdResourceStatus.Peer(peer.name, peer.nodeId, peer.state, peer.role, peer.volumes));
            }
            return new DrbdResourceStatus(name, role, suspended, volumes, built);
        }
    }

    private record PeerBuilder(String name, int nodeId, String state, String role, List<DrbdResourceStatus.PeerVolume> volumes) {
        PeerBuilder(String name, int nodeId, String state, String role) {
            this(name, nodeId, state, role, new ArrayList<>());
        }
    }
}
