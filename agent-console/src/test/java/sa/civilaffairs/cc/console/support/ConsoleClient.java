package sa.civilaffairs.cc.console.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Duration;
import java.util.List;

/** A browser-like API client: keeps the session cookie and the CSRF token the console handed out. */
public final class ConsoleClient {
    private final WebClient web;
    private final int port;
    private final boolean tls;
    private String cookie;
    private String csrf;
    private String language = "ar";

    ConsoleClient(Vertx vertx, int port, boolean tls) {
        this.web = WebClient.create(vertx, new WebClientOptions().setSsl(tls).setTrustAll(tls).setVerifyHost(false)
                .setFollowRedirects(false).setDefaultHost("127.0.0.1").setDefaultPort(port));
        this.port = port;
        this.tls = tls;
    }

    public static ConsoleClient plain(Vertx vertx, int port) {
        return new ConsoleClient(vertx, port, false);
    }

    public static ConsoleClient tls(Vertx vertx, int port) {
        return new ConsoleClient(vertx, port, true);
    }

    public ConsoleClient language(String language) {
        this.language = language;
        return this;
    }

    public Reply signIn(String username, String password) {
        Reply r = post("/api/sign-in", new JsonObject().put("username", username).put("password", password));
        if (r.status() == 200) {
            csrf = r.json().getString("csrfToken");
            for (String set : r.setCookies()) {
                if (set.contains("cc_session=")) {
                    cookie = set.substring(0, set.indexOf(';'));
                }
            }
        }
        return r;
    }

    public Reply get(String path) {
        return send(HttpMethod.GET, path, null, csrf);
    }

    public Reply post(String path, JsonObject body) {
        return send(HttpMethod.POST, path, body, csrf);
    }

    /** A POST without the CSRF header, as a forged cross-site form would send. */
    public Reply postWithoutCsrf(String path, JsonObject body) {
        return send(HttpMethod.POST, path, body, null);
    }

    public Reply postWithCsrf(String path, JsonObject body, String token) {
        return send(HttpMethod.POST, path, body, token);
    }

    public Reply send(HttpMethod method, String path, JsonObject body, String token) {
        HttpRequest<Buffer> req = web.request(method, path).putHeader("Accept-Language", language);
        if (cookie != null) {
            req.putHeader("Cookie", cookie);
        }
        if (token != null) {
            req.putHeader("X-CSRF-Token", token);
        }
        HttpResponse<Buffer> res;
        try {
            res = body == null ? req.send().await(Duration.ofSeconds(20))
                    : req.putHeader("Content-Type", "application/json").sendBuffer(body.toBuffer())
                    .await(Duration.ofSeconds(20));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " " + path + " did not answer", e);
        }
        return new Reply(res);
    }

    /** A POST sent without waiting for the answer, for races between clients. */
    public io.vertx.core.Future<Reply> postAsync(String path, JsonObject body) {
        HttpRequest<Buffer> req = web.request(HttpMethod.POST, path).putHeader("Accept-Language", language)
                .putHeader("Content-Type", "application/json");
        if (cookie != null) {
            req.putHeader("Cookie", cookie);
        }
        if (csrf != null) {
            req.putHeader("X-CSRF-Token", csrf);
        }
        return req.sendBuffer(body.toBuffer()).map(Reply::new);
    }

    /** Raw request with arbitrary headers and body, for malformed-input tests. */
    public Reply raw(HttpMethod method, String path, String contentType, String body, String... headers) {
        HttpRequest<Buffer> req = web.request(method, path).putHeader("Accept-Language", language);
        if (cookie != null) {
            req.putHeader("Cookie", cookie);
        }
        if (csrf != null) {
            req.putHeader("X-CSRF-Token", csrf);
        }
        if (contentType != null) {
            req.putHeader("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            req.putHeader(headers[i], headers[i + 1]);
        }
        try {
            return new Reply(req.sendBuffer(Buffer.buffer(body == null ? "" : body)).await(Duration.ofSeconds(20)));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(method + " " + path + " did not answer", e);
        }
    }

    public String csrfToken() {
        return csrf;
    }

    public String sessionCookie() {
        return cookie;
    }

    /** Uses another client's session (as a second console instance behind a load balancer would see it). */
    public ConsoleClient sameSessionAs(ConsoleClient other) {
        this.cookie = other.cookie;
        this.csrf = other.csrf;
        return this;
    }

    public int port() {
        return port;
    }

    public boolean isTls() {
        return tls;
    }

    /** A response, with assertion helpers. */
    public record Reply(HttpResponse<Buffer> response) {
        public int status() {
            return response.statusCode();
        }

        public JsonObject json() {
            return response.bodyAsJsonObject();
        }

        public String body() {
            return response.bodyAsString();
        }

        public String header(String name) {
            return response.getHeader(name);
        }

        public List<String> setCookies() {
            return response.headers().getAll("Set-Cookie");
        }

        public Reply expect(int status) {
            assertEquals(status, status(), () -> "HTTP status; body: " + body());
            return this;
        }

        /** Asserts a refusal: this status and this {@code code}, with a message. */
        public JsonObject expectError(int status, String code) {
            expect(status);
            JsonObject j = json();
            assertEquals(code, j.getString("code"), () -> "error code; body: " + body());
            org.junit.jupiter.api.Assertions.assertFalse(j.getString("message", "").isBlank(), "message present");
            return j;
        }
    }
}
