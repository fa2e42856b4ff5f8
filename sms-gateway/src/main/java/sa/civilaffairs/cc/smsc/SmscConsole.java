package sa.civilaffairs.cc.smsc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import sa.civilaffairs.cc.smpp.codec.Segments;

/**
 * A developer's window on the simulator (dev mode), plain HTTP on loopback:
 * <ul>
 * <li>{@code POST /mo} with form fields {@code from} and {@code text} (or the same as query parameters): sends the text
 * to the gateway as a citizen would, split into concatenated parts when long;</li>
 * <li>{@code GET /mt}: the last 50 segments the gateway submitted, newest last.</li>
 * </ul>
 * {@code curl -d from=0501234567 --data-urlencode text=موعد http://127.0.0.1:PORT/mo}
 */
public final class SmscConsole implements AutoCloseable {
    private final HttpServer server;
    private final SmscSimulator smsc;
    private final AtomicInteger refs = new AtomicInteger();

    private SmscConsole(SmscSimulator smsc, HttpServer server) {
        this.smsc = smsc;
        this.server = server;
    }

    public static SmscConsole start(SmscSimulator smsc, int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            SmscConsole console = new SmscConsole(smsc, server);
            server.createContext("/mo", console::mo);
            server.createContext("/mt", console::mt);
            server.start();
            return console;
        } catch (IOException e) {
            throw new UncheckedIOException("SMSC console did not start", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void mo(HttpExchange ex) throws IOException {
        Map<String, String> p = params(ex.getRequestURI().getRawQuery());
        if ("POST".equals(ex.getRequestMethod())) {
            p.putAll(params(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        }
        String from = p.getOrDefault("from", "");
        String text = p.getOrDefault("text", "");
        String to = p.getOrDefault("to", "77799");
        if (from.isEmpty() || text.isEmpty()) {
            reply(ex, 400, "from and text are required\n");
            return;
        }
        List<MoPdu> parts = Segments.countFor(text) == 1 ? List.of(MoPdu.text(from, to, text))
                : MoPdu.concatenated(from, to, text, refs.incrementAndGet() & 0xFF, MoPdu.Concat.UDH8);
        for (MoPdu part : parts) {
            int status;
            try {
                status = smsc.deliver(part);
            } catch (IllegalStateException e) {
                reply(ex, 503, "the gateway is not bound\n");
                return;
            }
            if (status != 0) {
                reply(ex, 502, "deliver_sm answered with status 0x" + Integer.toHexString(status) + "\n");
                return;
            }
        }
        reply(ex, 200, "delivered in " + parts.size() + " part(s)\n");
    }

    private void mt(HttpExchange ex) throws IOException {
        List<Submitted> all = smsc.submitted();
        StringBuilder sb = new StringBuilder();
        for (Submitted s : all.subList(Math.max(0, all.size() - 50), all.size())) {
            sb.append(s.to()).append(" [").append(s.seq()).append('/').append(s.total()).append("] ")
                    .append(s.text()).append('\n');
        }
        reply(ex, 200, sb.toString());
    }

    private static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
