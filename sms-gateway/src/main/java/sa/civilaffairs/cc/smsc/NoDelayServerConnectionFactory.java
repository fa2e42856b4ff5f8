package sa.civilaffairs.cc.smsc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * The simulator's listening socket on loopback, plain or TLS; accepted connections get TCP_NODELAY, as a real SMSC's
 * do.
 */
final class NoDelayServerConnectionFactory implements ServerConnectionFactory {
    private final javax.net.ssl.SSLContext tls;

    /** @param tls null for plain TCP */
    NoDelayServerConnectionFactory(javax.net.ssl.SSLContext tls) {
        this.tls = tls;
    }

    @Override
    public ServerConnection listen(int port) throws IOException {
        return listen(port, 0, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout) throws IOException {
        return listen(port, timeout, 50);
    }

    @Override
    public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
        ServerSocket server = tls != null ? tls.getServerSocketFactory().createServerSocket() : new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
        server.setSoTimeout(timeout);
        return new ServerConnection() {
            @Override
            public Connection accept() throws IOException {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                return new SocketConnection(s);
            }

            @Override
            public void setSoTimeout(int t) throws IOException {
                server.setSoTimeout(t);
            }

            @Override
            public int getSoTimeout() throws IOException {
                return server.getSoTimeout();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }
}
