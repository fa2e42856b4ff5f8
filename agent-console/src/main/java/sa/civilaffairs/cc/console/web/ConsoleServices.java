package sa.civilaffairs.cc.console.web;

import io.vertx.core.WorkerExecutor;
import io.vertx.ext.web.Router;
import java.util.List;
import sa.civilaffairs.cc.console.config.ConsoleConfig;
import sa.civilaffairs.cc.console.session.Sessions;

/** What the HTTP verticles share: thread-safe services, built once by the console server. */
public record ConsoleServices(ConsoleConfig config, WorkerExecutor worker, Sessions sessions, Messages messages,
                              WebCookies cookies, ClientAddress addresses, PageRenderer pages, SignInApi signIn,
                              PersonApi persons, AuditApi audit, AccountsApi accounts,
                              List<ConsoleFeature> features) {
    public ConsoleServices {
        features = List.copyOf(features);
    }

    Routes routes(Router router) {
        return new Routes(router, worker, sessions, messages, cookies, addresses, pages);
    }
}
