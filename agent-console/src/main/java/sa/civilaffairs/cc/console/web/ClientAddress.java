package sa.civilaffairs.cc.console.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/** Where a request came from, for the login throttle and the audit log. */
public final class ClientAddress {
    private final boolean trustForwardedFor;

    public ClientAddress(boolean trustForwardedFor) {
        this.trustForwardedFor = trustForwardedFor;
    }

    public String of(HttpServerRequest request) {
        if (trustForwardedFor) {
            String xff = request.getHeader("X-Forwarded-For");
            if (xff != null && !xff.isBlank()) {
                // The last hop is the one our own proxy added; earlier ones are whatever the client claimed.
                String[] hops = xff.split(",");
                String last = hops[hops.length - 1].strip();
                if (last.matches("[0-9a-fA-F:.]{2,45}")) {
                    return last;
                }
            }
        }
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
    }
}
