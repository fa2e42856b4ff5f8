package sa.civilaffairs.cc.smpp.link;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;

/**
 * TCP (optionally TLS) connections for jSMPP with TCP_NODELAY set, which jSMPP's own factories leave off: SMPP is small
 * request/response PDUs, and Nagle's algorithm with delayed ACKs adds tens of milliseconds to a response at low
 * traffic. TLS connections verify the SMSC's host name against its certificate; trust comes from the JVM's trust
 * store ({@code javax.net.ssl.trustStore}).
 */
public final class NoDelayConnectionFactory implements ConnectionFactory {
    private final boolean tls;
    private final int connectTimeoutMillis;

    public NoDelayConnectionFactory(boolean tls, int connectTimeoutMillis) {
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
            if (socket instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                ssl.setSSLParameters(params);
                ssl.startHandshake();
            }
            return new SocketConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
