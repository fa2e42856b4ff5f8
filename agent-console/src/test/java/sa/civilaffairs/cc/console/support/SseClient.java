package sa.civilaffairs.cc.console.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
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
    private final HttpURLConnection connection;
    private final Thread reader;
    private final CountDownLatch opened = new CountDownLatch(1);
    private volatile int status;
    private volatile boolean ended;

    private SseClient(HttpURLConnection connection) {
        this.connection = connection;
        this.reader = new Thread(this::read, "test-sse-client");
        reader.setDaemon(true);
    }

    public static SseClient open(int port, String sessionCookie, String lastEventId) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/api/live/events")
                    .toURL().openConnection();
            c.setRequestProperty("Accept", "text/event-stream");
            if (sessionCookie != null) {
                c.setRequestProperty("Cookie", sessionCookie);
            }
            if (lastEventId != null) {
                c.setRequestProperty("Last-Event-ID", lastEventId);
            }
            c.setReadTimeout(0);
            SseClient client = new SseClient(c);
            client.reader.start();
            if (!client.opened.await(10, TimeUnit.SECONDS)) {
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
        try {
            status = connection.getResponseCode();
            opened.countDown();
            if (status != 200) {
                return;
            }
            try (BufferedReader in = new BufferedReader(new InputStreamReader(connection.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String id = null;
                String name = "message";
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = in.readLine()) != null) {
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
        } catch (IOException e) {
            // closed by the test or the server
        } finally {
            ended = true;
            opened.countDown();
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
        connection.disconnect();
        reader.interrupt();
    }
}
