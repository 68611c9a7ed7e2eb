package dev.migrate.bench;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.net.SocketFactory;

/**
 * A socket factory for the PostgreSQL driver ({@code socketFactory=dev.migrate.bench.RoundTripCounter}
 * in the JDBC URL) that counts server round trips (a read after writes) and the time spent waiting
 * for each answer, by the verify check whose code asked and by the plugin's method closest to the
 * driver. Prints its table when the JVM exits, divided by {@code -Dbench.perRevision=N} when set.
 * For profiling only: walking the stack at each round trip costs a few microseconds.
 */
public final class RoundTripCounter extends SocketFactory {

    /** Innermost match wins: the check a round trip is charged to. */
    private static final String[][] CHECKS = {
        {"dev.migrate.verify.RowsCheck", "rows"},
        {"dev.migrate.verify.LockReport", "locks"},
        {"dev.migrate.verify.MergeOrderCheck", "merge order"},
        {"dev.migrate.verify.ScratchObserver", "stairway: observe"},
        {"dev.migrate.run.HistoryJournal", "stairway: history writes"},
        {"dev.migrate.run.PlanRunner", "stairway: plan"},
        {"dev.migrate.verify.ScratchSession", "stairway: session"},
        {"dev.migrate.scratch", "scratch databases"},
    };

    private record Tally(LongAdder count, LongAdder nanos) {
        Tally() {
            this(new LongAdder(), new LongAdder());
        }
    }

    private static final Map<String, Tally> BY_CHECK = new ConcurrentHashMap<>();
    private static final Map<String, Tally> BY_CALLER = new ConcurrentHashMap<>();
    /** Bytes received from and sent to the server: what the queries' results and texts weigh, whatever the load. */
    private static final LongAdder RECEIVED = new LongAdder();
    private static final LongAdder SENT = new LongAdder();

    /** The local ports of the sockets made here: the server processes serving them are ours. */
    private static final java.util.Set<Integer> PORTS = ConcurrentHashMap.newKeySet();
    /** Server process id -> its CPU time (clock ticks) when last seen. */
    private static final Map<Integer, Long> SERVER_TICKS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(RoundTripCounter::print));
        Thread sampler = new Thread(() -> {
            while (true) {
                sampleServers();
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "server-cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * Reads the CPU time of every PostgreSQL server process whose title names one of our sockets'
     * ports ("postgres: user db 127.0.0.1(port) ..."), from /proc; a process that ended keeps what
     * it had used when last seen (up to 100 ms of its last work is missed).
     */
    private static void sampleServers() {
        java.io.File[] procs = new java.io.File("/proc").listFiles((dir, name) -> name.chars().allMatch(Character::isDigit));
        if (procs == null) {
            return;
        }
        for (java.io.File proc : procs) {
            try {
                String title = new String(java.nio.file.Files.readAllBytes(proc.toPath().resolve("cmdline")),
                        java.nio.charset.StandardCharsets.ISO_8859_1);
                int open = title.indexOf("127.0.0.1(");
                if (!title.startsWith("postgres: ") || open < 0) {
                    continue;
                }
                int port = Integer.parseInt(title.substring(open + 10, title.indexOf(')', open)));
                if (!PORTS.contains(port)) {
                    continue;
                }
                String stat = java.nio.file.Files.readString(proc.toPath().resolve("stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                SERVER_TICKS.merge(Integer.parseInt(proc.getName()), ticks, Math::max);
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
    }

    /** CPU milliseconds of the server processes that served this JVM so far. */
    public static long serverCpuMillis() {
        sampleServers();
        return SERVER_TICKS.values().stream().mapToLong(Long::longValue).sum() * 10;
    }

    /** CPU milliseconds of this JVM so far. */
    public static long clientCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
    }

    /** Clears what was counted (after a warm-up run). */
    public static void reset() {
        BY_CHECK.clear();
        BY_CALLER.clear();
    }

    public static void print() {
        double per = Double.parseDouble(System.getProperty("bench.perRevision", "1"));
        System.out.println("| check | round trips" + (per == 1 ? "" : " per revision") + " | waiting ms"
                + (per == 1 ? "" : " per revision") + " |");
        System.out.println("|---|---:|---:|");
        long total = 0;
        long nanos = 0;
        for (var e : BY_CHECK.entrySet().stream().sorted(Comparator.comparing(Map.Entry::getKey)).toList()) {
            total += e.getValue().count().sum();
            nanos += e.getValue().nanos().sum();
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", e.getKey(), e.getValue().count().sum() / per,
                    e.getValue().nanos().sum() / 1e6 / per);
        }
        System.out.printf(Locale.ROOT, "| all | %.1f | %.2f |%n%n", total / per, nanos / 1e6 / per);
        System.out.printf(Locale.ROOT, "bytes%s: received %.0f, sent %.0f%n%n", per == 1 ? "" : " per revision",
                RECEIVED.sum() / per, SENT.sum() / per);
        System.out.printf(Locale.ROOT, "CPU%s: server processes %.2f ms, this JVM %.2f ms%n%n",
                per == 1 ? "" : " per revision", serverCpuMillis() / per, clientCpuMillis() / per);
        System.out.println("| caller (innermost plugin method, driver call) | round trips | waiting ms |");
        System.out.println("|---|---:|---:|");
        BY_CALLER.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue().count().sum())).limit(40)
                .forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f |%n", e.getKey(),
                        e.getValue().count().sum() / per, e.getValue().nanos().sum() / 1e6 / per));
    }

    private static void count(long waited) {
        String[] keys = StackWalker.getInstance().walk(frames -> {
            String check = null;
            String caller = null;
            String driver = "";
            for (StackWalker.StackFrame frame : (Iterable<StackWalker.StackFrame>) frames::iterator) {
                String name = frame.getClassName();
                if (caller == null && name.equals("org.postgresql.jdbc.PgConnection")) {
                    driver = " [" + frame.getMethodName() + "]";
                }
                if (name.startsWith("dev.migrate.") && !name.startsWith("dev.migrate.bench.")) {
                    if (caller == null) {
                        caller = name.substring(name.lastIndexOf('.') + 1) + "." + frame.getMethodName() + driver;
                    }
                    if (check == null) {
                        for (String[] c : CHECKS) {
                            if (name.startsWith(c[0])) {
                                check = c[1];
                                break;
                            }
                        }
                    }
                }
            }
            return new String[] {check == null ? "other" : check, caller == null ? "?" : caller};
        });
        Tally a = BY_CHECK.computeIfAbsent(keys[0], k -> new Tally());
        a.count().increment();
        a.nanos().add(waited);
        Tally b = BY_CALLER.computeIfAbsent(keys[1], k -> new Tally());
        b.count().increment();
        b.nanos().add(waited);
    }

    @Override
    public Socket createSocket() {
        return new Counting();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket socket = new Counting();
        socket.connect(new java.net.InetSocketAddress(host, port));
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return createSocket(host, port);
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return createSocket(host.getHostAddress(), port);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return createSocket(address, port);
    }

    private static final class Counting extends Socket {
        private volatile boolean wrote;

        @Override
        public void connect(java.net.SocketAddress endpoint, int timeout) throws IOException {
            super.connect(endpoint, timeout);
            PORTS.add(getLocalPort());
        }

        private InputStream in;
        private OutputStream out;

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new FilterInputStream(super.getInputStream()) {
                    @Override
                    public int read() throws IOException {
                        long started = System.nanoTime();
                        boolean trip = wrote;
                        wrote = false;
                        int b = super.read();
                        RECEIVED.add(b < 0 ? 0 : 1);
                        if (trip) {
                            count(System.nanoTime() - started);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        long started = System.nanoTime();
                        boolean trip = wrote;
                        wrote = false;
                        int n = super.read(b, off, len);
                        RECEIVED.add(Math.max(n, 0));
                        if (trip) {
                            count(System.nanoTime() - started);
                        }
                        return n;
                    }
                };
            }
            return in;
        }

        @Override
        public synchronized OutputStream getOutputStream() throws IOException {
            if (out == null) {
                out = new FilterOutputStream(super.getOutputStream()) {
                    @Override
                    public void write(int b) throws IOException {
                        wrote = true;
                        SENT.increment();
                        super.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        wrote = true;
                        SENT.add(len);
                        out.write(b, off, len);
                    }
                };
            }
            return out;
        }
    }
}
