package sa.civilaffairs.cc.smpp.outbound;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a client's callback URL when its message reaches a final state: a JSON POST {@code {"id":..,"state":..}},
 * once, best effort (the status stays readable with GET). Never blocks the caller.
 */
public final class StatusCallbacks implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StatusCallbacks.class);
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "sms-callbacks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).executor(executor)
            .build();

    public void changed(String id, MtState state, String callback) {
        if (callback == null || callback.isEmpty() || !state.isFinal()) {
            return;
        }
        String body = "{\"id\":\"" + id.replace("\"", "") + "\",\"state\":\"" + state + "\"}";
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create(callback)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            http.sendAsync(req, HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                if (e != null) {
                    log.warn("status callback for {} failed: {}", id, e.toString());
                }
            });
        } catch (IllegalArgumentException e) {
            log.warn("status callback for {}: bad URL", id);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
