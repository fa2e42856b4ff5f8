package sa.civilaffairs.cc.console.web;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.util.List;
import sa.civilaffairs.cc.console.config.ConsoleConfig;

/**
 * The console's web server: pages, the JSON API and static files. Deployed once per event loop (instances share the
 * port); every handler that touches Redis, the registry or Argon2id runs on the worker pool through {@link Routes}.
 */
public final class HttpVerticle extends VerticleBase {
    static final int BODY_LIMIT = 16 * 1024;

    /** The console's own menu; features add theirs after it. */
    public static final List<NavLink> NAVIGATION = List.of(
            new NavLink("/", "ui.nav.lookup", Access.AGENT, "p"),
            new NavLink("/audit", "ui.nav.audit", Access.SUPERVISOR, "a"),
            new NavLink("/users", "ui.nav.users", Access.ADMIN, "u"));

    static final Page SIGN_IN = new Page("/sa/civilaffairs/cc/console/web/pages/sign-in.html", "ui.signIn.title",
            "sign-in");
    static final Page LOOKUP = new Page("/sa/civilaffairs/cc/console/web/pages/lookup.html", "ui.lookup.title",
            "lookup");
    static final Page AUDIT = new Page("/sa/civilaffairs/cc/console/web/pages/audit.html", "ui.audit.title", "audit");
    static final Page USERS = new Page("/sa/civilaffairs/cc/console/web/pages/users.html", "ui.users.title", "users");

    private final ConsoleServices s;
    private final int port;

    public HttpVerticle(ConsoleServices services, int port) {
        this.s = services;
        this.port = port;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        router.route().handler(new SecurityHeaders(s.config().http().tls().isPresent()));
        router.route("/api/*").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
        Routes routes = s.routes(router);

        routes.page(Routes.SIGN_IN_PATH, Access.PUBLIC, SIGN_IN)
                .page("/", Access.AGENT, LOOKUP)
                .page("/audit", Access.SUPERVISOR, AUDIT)
                .page("/users", Access.ADMIN, USERS)

                .post("/api/sign-in", Access.PUBLIC, s.signIn()::signIn)
                .post("/api/sign-out", Access.AGENT, s.signIn()::signOut)
                .get("/api/session", Access.AGENT, s.signIn()::session)
                .post("/api/persons/lookup", Access.AGENT, s.persons()::lookup)
                .post("/api/persons/reveal-mobile", Access.AGENT, s.persons()::revealMobile)
                .post("/api/audit/search", Access.SUPERVISOR, s.audit()::search)
                .get("/api/users", Access.ADMIN, s.accounts()::list)
                .post("/api/users", Access.ADMIN, s.accounts()::create)
                .get("/health", Access.PUBLIC, Health::check);

        s.features().forEach(f -> f.mount(routes));

        router.route("/static/*").handler(StaticHandler.create("webroot/static"));
        router.route("/webjars/*").handler(StaticHandler.create("META-INF/resources/webjars"));
        routes.fallbacks();

        return vertx.createHttpServer(serverOptions(s.config().http())).requestHandler(router)
                .listen(port, s.config().http().host());
    }

    private static HttpServerOptions serverOptions(ConsoleConfig.Http http) {
        HttpServerOptions options = new HttpServerOptions().setCompressionSupported(true);
        http.tls().ifPresent(tls -> options.setSsl(true)
                .setKeyCertOptions(new PfxOptions().setPath(tls.keyStore().toString()).setPassword(tls.password())));
        return options;
    }

    /** {@code /health} for load balancers: the process answers (Redis is checked by every real request). */
    static final class Health {
        private Health() {
        }

        static io.vertx.core.json.JsonObject check(ApiCall call) {
            return new io.vertx.core.json.JsonObject().put("status", "up");
        }
    }
}
