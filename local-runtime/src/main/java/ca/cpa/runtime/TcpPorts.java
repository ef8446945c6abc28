package ca.cpa.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Local TCP ports: finding a free one, and refusing clearly when one is taken. */
public final class TcpPorts {

    private TcpPorts() {
    }

    /**
     * Ports handed out by this JVM. Once the probing socket is closed, the kernel may offer the
     * same port again before its taker has bound it: two parts would then be given one port.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** A free local port, never one this JVM handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException("no free local port", e);
            }
            if (HANDED_OUT.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free local port that was not handed out before");
    }

    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(int port, String part) {
        if (!isFree(port)) {
            throw new IllegalStateException(part + " cannot start: port " + port + " is already taken");
        }
    }
}
