package sa.civilaffairs.cc.smpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.smsc.SmscSimulator;
import sa.civilaffairs.cc.smsc.Submitted;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** The HTTP API over real HTTP, with the gateway sending through the simulator. */
@ExtendWith(RedisExtension.class)
class HttpApiIT {
    private static final String KEY = "test-key-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(15);

    /** Templates as the cases branch will provide them: one id, two languages. */
    private static final MessageTemplates TEMPLATES = new MessageTemplates() {
        @Override
        public String render(String templateId, Language language, Map<String, String> values) {
            if (!templateId.equals("booking.confirmed")) {
                throw new IllegalArgumentException("template: " + templateId + " (expected: one of " + ids() + ")");
            }
            return language == Language.AR ? "تم تأكيد موعدكم رقم " + values.get("ref")
                    : "Your appointment " + values.get("ref") + " is confirmed";
        }

        @Override
        public Set<String> ids() {
            return Set.of("booking.confirmed");
        }
    };

    private final HttpClient http = HttpClient.newHttpClient();
    private SmscSimulator sim;
    private SmsGateway gateway;
    private HttpServer callbackSink;
    private final LinkedBlockingQueue<String> callbacks = new LinkedBlockingQueue<>();

    @BeforeEach
    void start(RedisHandle redis) throws IOException {
        sim = SmscSimulator.builder().start();
        gateway = SmsGateway.start(GatewayFixture.config(sim, "transceiver", 1000, 8), redis.settings(), TEMPLATES);
        GatewayFixture.await("bound", WAIT, gateway::allBound);
        callbackSink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callbackSink.createContext("/status", ex -> {
            callbacks.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        callbackSink.start();
    }

    @AfterEach
    void stop() {
        callbackSink.stop(0);
        gateway.close();
        sim.close();
    }

    private HttpResponse<String> post(String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/api/v1/messages"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).GET();
        if (key != null) {
            b.header("X-Api-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + gateway.httpPort() + path);
    }

    @Test
    void sendsTextReportsStatusAndCallsBack() throws Exception {
        String cb = "http://127.0.0.1:" + callbackSink.getAddress().getPort() + "/status";
        HttpResponse<String> r = post(KEY, new JsonObject().put("to", "0501234567").put("text", "مرحبا بكم")
                .put("lane", "reply").put("callbackUrl", cb).encode());
        assertEquals(202, r.statusCode(), r.body());
        String id = new JsonObject(r.body()).getString("id");
        assertEquals(1, new JsonObject(r.body()).getInteger("segments"));
        GatewayFixture.await("delivered", WAIT, () -> {
            try {
                return new JsonObject(get("/api/v1/messages/" + id, KEY).body()).getString("state")
                        .equals("DELIVERED");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonObject status = new JsonObject(get("/api/v1/messages/" + id, KEY).body());
        assertEquals("********4567", status.getString("to"), "masked");
        assertEquals("QUEUED", status.getJsonArray("history").getJsonObject(0).getString("state"));
        String call = callbacks.poll(10, TimeUnit.SECONDS);
        assertEquals(new JsonObject().put("id", id).put("state", "DELIVERED"), new JsonObject(call));
        assertEquals("مرحبا بكم", sim.submitted().get(0).text());
    }

    @Test
    void sendsATemplateInTheCitizensLanguage() throws Exception {
        HttpResponse<String> r = post(KEY, new JsonObject().put("to", "+966501234567").put("template",
                "booking.confirmed").put("language", "en").put("values", new JsonObject().put("ref", "123456789"))
                .encode());
        assertEquals(202, r.statusCode(), r.body());
        GatewayFixture.await("sent", WAIT, () -> sim.submitCount() == 1);
        assertEquals("Your appointment 123456789 is confirmed", sim.submitted().stream().map(Submitted::text)
                .findFirst().orElseThrow());
        assertEquals(400, post(KEY, new JsonObject().put("to", "0501234567").put("template", "nope").encode())
                .statusCode());
    }

    @Test
    void refusesWithoutAKeyAndBadInput() throws Exception {
        assertEquals(401, post(null, "{}").statusCode());
        assertEquals(401, post("wrong-key-0123456789", "{}").statusCode());
        assertEquals(401, get("/api/v1/messages/x", null).statusCode());
        HttpResponse<String> bad = post(KEY, new JsonObject().put("to", "12345").put("text", "x").encode());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("expected: Saudi mobile"), bad.body());
        assertEquals(400, post(KEY, new JsonObject().put("to", "0501234567").encode()).statusCode(), "no text");
        assertEquals(400, post(KEY, "not json").statusCode());
        assertEquals(404, get("/api/v1/messages/unknown-id", KEY).statusCode());
    }

    @Test
    void metricsAndHealth() throws Exception {
        HttpResponse<String> health = get("/health", null);
        assertEquals(200, health.statusCode(), health.body());
        assertTrue(health.body().contains("\"sim/transceiver\":\"BOUND\""), health.body());
        HttpResponse<String> metrics = get("/metrics", null);
        assertTrue(metrics.body().contains("sms_bind_up{session=\"sim/transceiver\"} 1"), metrics.body());
        assertTrue(metrics.body().contains("# TYPE sms_mt_segments_total counter"), metrics.body());
    }
}
