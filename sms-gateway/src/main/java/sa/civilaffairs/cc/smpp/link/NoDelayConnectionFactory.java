package sa.civilaffairs.cc.smpp.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.jsmpp.session.connection.Connection;
import org.jsmpp.session.connection.ConnectionFactory;
import org.jsmpp.session.connection.socket.SocketConnection;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.config.GatewayConfigException;

/**
 * TCP (optionally TLS) connections for jSMPP with TCP_NODELAY set, which jSMPP's own factories leave off: SMPP is small
 * request/response PDUs, and Nagle's algorithm with delayed ACKs adds tens of milliseconds to a response at low
 * traffic. TLS connections verify the SMSC's host name against its certificate; trust comes from the bind's
 * {@code trustStore} or else the JVM's ({@code javax.net.ssl.trustStore}).
 */
public final class NoDelayConnectionFactory implements ConnectionFactory {
    private final SSLSocketFactory tls;
    private final int connectTimeoutMillis;

    /** @param tls null for plain TCP */
    NoDelayConnectionFactory(SSLSocketFactory tls, int connectTimeoutMillis) {
        this.tls = tls;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /** For {@code bind}: plain TCP, TLS with the JVM's trust, or TLS trusting the bind's own trust store. */
    static NoDelayConnectionFactory forBind(GatewayConfig.BindConfig bind, int connectTimeoutMillis) {
        if (!bind.tls()) {
            return new NoDelayConnectionFactory(null, connectTimeoutMillis);
        }
        if (bind.trustStore().isEmpty()) {
            return new NoDelayConnectionFactory((SSLSocketFactory) SSLSocketFactory.getDefault(), connectTimeoutMillis);
        }
        GatewayConfig.TrustStore ts = bind.trustStore().get();
        try (InputStream in = Files.newInputStream(ts.path())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, ts.password().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return new NoDelayConnectionFactory(ctx.getSocketFactory(), connectTimeoutMillis);
        } catch (IOException | GeneralSecurityException e) {
            throw new GatewayConfigException("binds." + bind.name() + ".trustStore: " + ts.path() + " cannot be read ("
                    + e.getMessage() + ")", e);
        }
    }

    @Override
    public Connection createConnection(String host, int port) throws IOException {
        Socket socket = tls != null ? tls.createSocket() : new Socket();
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
