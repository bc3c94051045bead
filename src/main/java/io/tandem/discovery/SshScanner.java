package io.tandem.discovery;

import io.tandem.model.Ipv4;
import io.tandem.text.HostText;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Finds hosts that answer SSH in a subnet: a TCP connect and the server's banner, nothing else
 * (no login attempt). Bounded in size (at most a /22), concurrency and total time.
 */
public final class SshScanner {

    /**
     * A host that answered, with its banner (e.g. {@code SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3}):
     * any listener chooses it, so its control characters are escaped before anyone prints it.
     */
    public record Found(String address, int port, String banner) {
        public Found {
            banner = HostText.line(banner);
        }
    }

    public record Settings(int port, int concurrency, Duration perHostTimeout, Duration totalTimeout) {
        public static Settings defaults() {
            return new Settings(22, 64, Duration.ofMillis(800), Duration.ofSeconds(60));
        }
    }

    public static final int SMALLEST_PREFIX = 22;

    private SshScanner() {
    }

    /**
     * Scans every host address of {@code cidr}; {@code progress} receives the number of addresses
     * done so far. Throws IllegalArgumentException for a malformed or too large subnet.
     */
    public static List<Found> scan(String cidr, Settings settings, IntConsumer progress) throws InterruptedException {
        Ipv4.Subnet subnet = Ipv4.Subnet.parse(cidr)
                .orElseThrow(() -> new IllegalArgumentException("'" + cidr + "' is not an IPv4 subnet such as 192.168.1.0/24"));
        if (subnet.prefix() < SMALLEST_PREFIX) {
            throw new IllegalArgumentException(cidr + " has " + (1L << (32 - subnet.prefix())) + " addresses; scan at most a /"
                    + SMALLEST_PREFIX + " (1024 addresses) at a time");
        }
        List<String> addresses = new ArrayList<>();
        long base = subnet.base().bits();
        long size = 1L << (32 - subnet.prefix());
        for (long i = 1; i < size - 1; i++) {
            addresses.add(new Ipv4(base + i).toString());
        }
        AtomicInteger done = new AtomicInteger();
        // Counted and reported together: otherwise two hosts finishing at once may report 6 before 5 and leave the bar at 5 of 6.
        Object inOrder = new Object();
        Semaphore slots = new Semaphore(settings.concurrency());
        List<Future<Optional<Found>>> futures = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String address : addresses) {
                futures.add(executor.submit(() -> {
                    slots.acquire();
                    try {
                        return probe(address, settings.port(), settings.perHostTimeout());
                    } finally {
                        slots.release();
                        synchronized (inOrder) {
                            progress.accept(done.incrementAndGet());
                        }
                    }
                }));
            }
            executor.shutdown();
            if (!executor.awaitTermination(settings.totalTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        }
        List<Found> found = new ArrayList<>();
        for (Future<Optional<Found>> future : futures) {
            if (future.isDone() && !future.isCancelled()) {
                try {
                    future.get().ifPresent(found::add);
                } catch (java.util.concurrent.ExecutionException e) {
                    // a host that errored did not answer SSH
                }
            }
        }
        found.sort(Comparator.comparingLong(f -> Ipv4.parse(f.address()).orElseThrow().bits()));
        return found;
    }

    /** Connects and reads the server's first lines; empty unless an SSH protocol 2 server answers. */
    static Optional<Found> probe(String address, int port, Duration timeout) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            return versionLine(readLines(socket.getInputStream())).map(line -> new Found(address, port, line));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * The SSH version line among a server's first lines (RFC 4253 4.2: a server may send other
     * lines first), if it speaks protocol 2: {@code SSH-2.0-…}, or {@code SSH-1.99-…} (both 1
     * and 2, which JSch accepts). Anything else listening on the port (a web server, a silent
     * listener, an SSH-1-only server) is no host Tandem can log in to.
     */
    static Optional<String> versionLine(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("SSH-")).findFirst()
                .filter(l -> l.startsWith("SSH-2.0-") || l.startsWith("SSH-1.99-"));
    }

    /** Up to {@link #MAX_LINES} lines, stopping at the version line, at the end of the stream or at a timeout after some lines. */
    private static List<String> readLines(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        try {
            while (lines.size() < MAX_LINES) {
                Optional<String> line = readLine(in);
                if (line.isEmpty()) {
                    break;
                }
                lines.add(line.get());
                if (line.get().startsWith("SSH-")) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            if (lines.isEmpty()) {
                throw e;
            }
        }
        return lines;
    }

    private static final int MAX_LINES = 8;

    /** One line of at most 255 bytes (RFC 4253's limit for the version line); empty at the end of the stream. */
    private static Optional<String> readLine(InputStream in) throws IOException {
        byte[] buffer = new byte[255];
        int length = 0;
        int b = 0;
        while (length < buffer.length && (b = in.read()) >= 0 && b != '\n') {
            buffer[length++] = (byte) b;
        }
        if (length == 0 && b < 0) {
            return Optional.empty();
        }
        return Optional.of(new String(buffer, 0, length, StandardCharsets.US_ASCII).strip());
    }
}
