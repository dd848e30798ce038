package org.dl4jsuite.distributed;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dl4jsuite.common.SuiteException;

/**
 * A {@code --master} URL, checked before Spark starts: {@code local[N]} (N worker threads in this JVM) or a
 * standalone master {@code spark://host:port} that must answer, or any other master Spark knows (yarn, k8s://…),
 * passed through unchecked. {@link #localWorkers} is 0 for a cluster (its worker count comes from --workers).
 */
public record SparkMaster(String url, int localWorkers) {
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\d+)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://(.+)");
    private static final int CONNECT_TIMEOUT_MS = 3000;

    /** Parses {@code value}; a malformed URL or an unreachable standalone master is the suite's user error. */
    public static SparkMaster parse(String value) {
        String url = value.trim();
        Matcher local = LOCAL.matcher(url);
        if (local.matches()) {
            String n = local.group(1);
            int workers = n == null ? 1 : n.equals("*") ? Runtime.getRuntime().availableProcessors() : parsePositive(n, url);
            return new SparkMaster(url, workers);
        }
        Matcher standalone = STANDALONE.matcher(url);
        if (standalone.matches()) {
            checkReachable(url, hosts(standalone.group(1), url));
            return new SparkMaster(url, 0);
        }
        if (url.equals("yarn") || url.startsWith("k8s://") || url.startsWith("mesos://")) {
            return new SparkMaster(url, 0);
        }
        throw new SuiteException("--master '" + value + "' is not a Spark master URL; use local[N] (N threads here), "
                + "spark://HOST:PORT (a standalone cluster), yarn or k8s://…");
    }

    /** True for {@code local[...]}: the driver and the workers share this JVM. */
    public boolean isLocal() {
        return localWorkers > 0;
    }

    private static int parsePositive(String n, String url) {
        try {
            int workers = Integer.parseInt(n);
            if (workers > 0) {
                return workers;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new SuiteException("--master " + url + ": the number of local worker threads must be 1 or more");
    }

    /** host:port pairs of a standalone URL ({@code spark://h1:7077,h2:7077} lists masters for failover). */
    private static List<InetSocketAddress> hosts(String list, String url) {
        List<InetSocketAddress> hosts = new ArrayList<>();
        for (String part : list.split(",")) {
            int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1) {
                throw new SuiteException("--master " + url + ": '" + part + "' is not HOST:PORT (e.g. spark://master:7077)");
            }
            int port;
            try {
                port = Integer.parseInt(part.substring(colon + 1));
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new SuiteException("--master " + url + ": '" + part.substring(colon + 1) + "' is not a port number");
            }
            hosts.add(InetSocketAddress.createUnresolved(part.substring(0, colon), port));
        }
        return hosts;
    }

    private static void checkReachable(String url, List<InetSocketAddress> hosts) {
        StringBuilder failures = new StringBuilder();
        for (InetSocketAddress host : hosts) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host.getHostString(), host.getPort()), CONNECT_TIMEOUT_MS);
                return;
            } catch (IOException e) {
                failures.append(failures.length() == 0 ? "" : "; ").append(host.getHostString()).append(':')
                        .append(host.getPort()).append(": ").append(e.getMessage() == null
                                ? e.getClass().getSimpleName() : e.getMessage());
            }
        }
        throw new SuiteException("cannot reach the Spark master " + url + " (" + failures + "); start it "
                + "($SPARK_HOME/sbin/start-master.sh), check the host and port its web UI shows, or train here with "
                + "--master local[N]");
    }
}
