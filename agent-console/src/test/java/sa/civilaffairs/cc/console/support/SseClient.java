package sa.civilaffairs.cc.console.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A server-sent events client as a browser's EventSource would be (session cookie, optional Last-Event-ID), reading
 * on its own thread and keeping every event. Waits poll the received list (no fixed sleeps).
 */
public final class SseClient implements AutoCloseable {
    public record Event(String id, String name, String data) {
        public JsonObject json() {
            return new JsonObject(data);
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final Socket socket;
    private final Thread reader;
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile int status;
    private volatile boolean ended;

    private SseClient(Socket socket) {
        this.socket = socket;
        this.reader = new Thread(this::read, "test-sse-client");
        reader.setDaemon(true);
    }

    /**
     * Opens the stream over a plain socket (HttpURLConnection's disconnect waits for the reader, which waits for the
     * next event: closing a socket ends both at once).
     */
    public static SseClient open(int port, String sessionCookie, String lastEventId) {
        try {
            Socket socket = new Socket("127.0.0.1", port);
            StringBuilder req = new StringBuilder("GET /api/live/events HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n");
            if (sessionCookie != null) {
                req.append("Cookie: ").append(sessionCookie).append("\r\n");
            }
            if (lastEventId != null) {
                req.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
            }
            req.append("\r\n");
            socket.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            SseClient client = new SseClient(socket);
            client.reader.start();
            if (!client.opened.await(20, TimeUnit.SECONDS)) {
                throw new AssertionError("event stream did not open");
            }
            return client;
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static SseClient open(ConsoleClient signedIn) {
        return open(signedIn.port(), signedIn.sessionCookie(), null);
    }

    private void read() {
        try (InputStream in = new BufferedInputStream(socket.getInputStream())) {
            String statusLine = line(in);
            status = statusLine == null ? 0 : Integer.parseInt(statusLine.split(" ")[1]);
            boolean chunked = false;
            String header;
            while ((header = line(in)) != null && !header.isEmpty()) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding:")
                        && header.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                    chunked = true;
                }
            }
            opened.countDown();
            if (status != 200 || !chunked) {
                return;
            }
            Parser parser = new Parser();
            while (true) {
                String size = line(in);
                if (size == null) {
                    return;
                }
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    return;
                }
                byte[] chunk = in.readNBytes(n);
                parser.feed(chunk);
                line(in); // the CRLF after the chunk
            }
        } catch (IOException | RuntimeException e) {
            // closed by the test or the server
        } finally {
            ended = true;
            opened.countDown();
        }
    }

    /** One CRLF- or LF-terminated line as UTF-8, or null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = out.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.UTF_8);
            }
            out.write(b);
        }
        return out.size() == 0 ? null : out.toString(StandardCharsets.UTF_8);
    }

    /** The event-stream format, fed chunk by chunk (a line may span chunks; '\n' never occurs inside UTF-8). */
    private final class Parser {
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String id;
        private String name = "message";
        private final StringBuilder data = new StringBuilder();

        void feed(byte[] bytes) {
            for (byte b : bytes) {
                if (b == '\n') {
                    lineDone(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(b);
                }
            }
        }

        private void lineDone(String line) {
            if (line.isEmpty()) {
                if (data.length() > 0) {
                    events.add(new Event(id, name, data.toString()));
                }
                id = null;
                name = "message";
                data.setLength(0);
            } else if (line.startsWith("id: ")) {
                id = line.substring(4);
            } else if (line.startsWith("event: ")) {
                name = line.substring(7);
            } else if (line.startsWith("data: ")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.substring(6));
            }
        }
    }

    public int status() {
        return status;
    }

    public boolean ended() {
        return ended;
    }

    public List<Event> events(String name) {
        List<Event> out = new ArrayList<>();
        for (Event e : events) {
            if (e.name().equals(name)) {
                out.add(e);
            }
        }
        return out;
    }

    /** Waits for an event named {@code name} matching {@code match}; fails after {@code timeout}. */
    public Event await(String name, Predicate<JsonObject> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Event e : events) {
                if (e.name().equals(name) && match.test(e.json())) {
                    return e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + name + "' event matching within " + timeout + "; got " + names());
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new AssertionError(ex);
            }
        }
    }

    public Event await(String name, Predicate<JsonObject> match) {
        return await(name, match, Duration.ofSeconds(10));
    }

    private List<String> names() {
        return events.stream().map(Event::name).toList();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
