package sa.civilaffairs.cc.smpp.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.identity.InvalidIdentityException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.smpp.GatewayMetrics;
import sa.civilaffairs.cc.smpp.SmsGateway;
import sa.civilaffairs.cc.smpp.SmsGatewayException;
import sa.civilaffairs.cc.smpp.codec.Segments;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smpp.outbound.MessageStatus;
import sa.civilaffairs.cc.smpp.redis.RedisMessages;
import sa.civilaffairs.cc.text.Language;

/**
 * The gateway's HTTP API for other internal systems, one verticle:
 * <ul>
 * <li>{@code POST /api/v1/messages} (header {@code X-Api-Key}) {@code {"to","text"}} or
 * {@code {"to","template","values","language"}}, optional {@code "lane"} (REPLY, NOTIFICATION, BULK; default
 * NOTIFICATION) and {@code "callbackUrl"}: 202 {@code {"id","segments"}};</li>
 * <li>{@code GET /api/v1/messages/{id}} (same key): the message's state, parts and history;</li>
 * <li>{@code GET /metrics}: Prometheus text; {@code GET /health}: each session's state, 503 unless all are bound.</li>
 * </ul>
 * Redis calls run on a worker pool, never on the event loop.
 */
public final class GatewayApi implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GatewayApi.class);

    private final GatewayConfig.Http config;
    private final RedisMessages messages;
    private final MessageTemplates templates;
    private final GatewayMetrics metrics;
    private final SmsGateway gateway;
    private Vertx vertx;
    private WorkerExecutor worker;
    private volatile int port;

    public GatewayApi(GatewayConfig.Http config, RedisMessages messages, MessageTemplates templates,
                      GatewayMetrics metrics, SmsGateway gateway) {
        this.config = config;
        this.messages = messages;
        this.templates = templates;
        this.metrics = metrics;
        this.gateway = gateway;
    }

    public int port() {
        return port;
    }

    public void start() {
        vertx = Vertx.vertx();
        worker = vertx.createSharedWorkerExecutor("sms-api-" + System.identityHashCode(this), config.workers(), 30,
                TimeUnit.SECONDS);
        try {
            String id = vertx.deployVerticle(new ApiVerticle()).await(20, TimeUnit.SECONDS);
            log.debug("SMS API verticle {} on port {}", id, port);
        } catch (Exception e) {
            throw new SmsGatewayException("SMS API did not start on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private final class ApiVerticle extends AbstractVerticle {
        @Override
        public void start(Promise<Void> started) {
            Router router = Router.router(vertx);
            router.post("/api/v1/messages").handler(BodyHandler.create().setBodyLimit(64 * 1024));
            router.post("/api/v1/messages").handler(GatewayApi.this::send);
            router.get("/api/v1/messages/:id").handler(GatewayApi.this::status);
            router.get("/metrics").handler(GatewayApi.this::metrics);
            router.get("/health").handler(GatewayApi.this::health);
            Future<HttpServer> f = vertx.createHttpServer().requestHandler(router).listen(config.port(), config.host());
            f.onSuccess(s -> {
                port = s.actualPort();
                started.complete();
            }).onFailure(started::fail);
        }
    }

    private Optional<String> client(RoutingContext ctx) {
        String key = ctx.request().getHeader("X-Api-Key");
        String name = key == null ? null : config.clients().get(key);
        if (name == null) {
            error(ctx, 401, "missing or unknown X-Api-Key");
            return Optional.empty();
        }
        return Optional.of(name);
    }

    private void send(RoutingContext ctx) {
        Optional<String> client = client(ctx);
        if (client.isEmpty()) {
            return;
        }
        JsonObject body;
        try {
            body = ctx.body().asJsonObject();
        } catch (DecodeException e) {
            error(ctx, 400, "body: not JSON");
            return;
        }
        if (body == null) {
            error(ctx, 400, "body: empty (expected: a JSON object)");
            return;
        }
        OutboundSms sms;
        String callback;
        try {
            Mobile to = Mobile.parse(body.getString("to", ""));
            Lane lane = Lane.valueOf(body.getString("lane", "NOTIFICATION").toUpperCase(Locale.ROOT));
            Language language = Language.fromCode(body.getString("language", "ar"));
            String template = body.getString("template", "");
            String text;
            if (!template.isEmpty()) {
                if (templates == null) {
                    error(ctx, 422, "template: templates are not available on this gateway (send text)");
                    return;
                }
                Map<String, String> values = new HashMap<>();
                JsonObject v = body.getJsonObject("values", new JsonObject());
                v.forEach(e -> values.put(e.getKey(), String.valueOf(e.getValue())));
                text = templates.render(template, language, values);
            } else {
                text = body.getString("text", "");
            }
            callback = body.getString("callbackUrl", "");
            if (!callback.isEmpty()) {
                URI u = URI.create(callback);
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                    throw new IllegalArgumentException("callbackUrl: " + callback + " (expected: an http(s) URL)");
                }
            }
            sms = new OutboundSms(UUID.randomUUID().toString(), to, lane, language, template, text, "",
                    Instant.now());
            Segments.countFor(sms.text());
        } catch (InvalidIdentityException | IllegalArgumentException | ClassCastException e) {
            error(ctx, 400, e.getMessage());
            return;
        }
        String cb = callback;
        worker.executeBlocking(() -> {
            messages.queue(sms, client.get(), cb);
            return sms;
        }, false).onSuccess(s -> ctx.response().setStatusCode(202).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("id", s.id()).put("segments", Segments.countFor(s.text())).encode()))
                .onFailure(e -> error(ctx, 503, "storage unavailable"));
    }

    private void status(RoutingContext ctx) {
        if (client(ctx).isEmpty()) {
            return;
        }
        String id = ctx.pathParam("id");
        worker.executeBlocking(() -> messages.status(id), false).onSuccess(s -> {
            if (s.isEmpty()) {
                error(ctx, 404, "no message " + id);
                return;
            }
            ctx.response().putHeader("Content-Type", "application/json").end(json(s.get()).encode());
        }).onFailure(e -> error(ctx, 503, "storage unavailable"));
    }

    static JsonObject json(MessageStatus s) {
        JsonArray parts = new JsonArray();
        s.parts().forEach(p -> parts.add(new JsonObject().put("part", p.number()).put("state", p.state())
                .put("smscMessageId", p.smscMessageId())));
        JsonArray history = new JsonArray();
        s.history().forEach(h -> history.add(new JsonObject().put("at", h.at().toString()).put("state", h.state())
                .put("detail", h.detail())));
        return new JsonObject().put("id", s.id()).put("state", s.state().name()).put("to", s.to())
                .put("segments", s.segments()).put("parts", parts).put("error", s.error()).put("history", history);
    }

    private void metrics(RoutingContext ctx) {
        ctx.response().putHeader("Content-Type", "text/plain; version=0.0.4").end(metrics.prometheus());
    }

    private void health(RoutingContext ctx) {
        JsonObject links = new JsonObject();
        gateway.links().forEach((k, v) -> links.put(k, v.name()));
        JsonObject errors = new JsonObject();
        gateway.linkErrors().forEach(errors::put);
        ctx.response().setStatusCode(gateway.allBound() ? 200 : 503).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("links", links).put("errors", errors).encode());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", message == null ? "bad request" : message).encode());
    }

    @Override
    public void close() {
        if (vertx != null) {
            try {
                vertx.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                log.warn("SMS API close: {}", e.toString());
            }
        }
    }
}
