package sa.civilaffairs.cc.console.push;

import io.vertx.core.Context;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import sa.civilaffairs.cc.console.auth.Role;

/**
 * One browser connected to the server-sent event stream. Writes are moved onto the connection's event loop; a client
 * that cannot keep up (the write queue is full) is disconnected rather than buffered without bound: its
 * {@code EventSource} reconnects and replays the pops it missed ({@code Last-Event-ID}), so nothing is silently lost.
 */
public final class PushClient {
    private final String username;
    private final Role role;
    private final String sessionToken;
    private final Context context;
    private final HttpServerResponse response;
    private final AtomicBoolean open = new AtomicBoolean(true);
    private volatile String lastPopId;
    private volatile Object lastAgentView;

    PushClient(String username, Role role, String sessionToken, Context context, HttpServerResponse response,
               String lastPopId) {
        this.username = username;
        this.role = role;
        this.sessionToken = sessionToken;
        this.context = context;
        this.response = response;
        this.lastPopId = lastPopId;
    }

    public String username() {
        return username;
    }

    public Role role() {
        return role;
    }

    String sessionToken() {
        return sessionToken;
    }

    public boolean isOpen() {
        return open.get();
    }

    /** The id of the last pop written to this client (the stream entry id), or null. */
    String lastPopId() {
        return lastPopId;
    }

    Object lastAgentView() {
        return lastAgentView;
    }

    void lastAgentView(Object view) {
        this.lastAgentView = view;
    }

    /** Sends one event; {@code id} may be null (only pops carry one, so {@code Last-Event-ID} names a pop). */
    void send(String event, String id, String data) {
        if (!open.get()) {
            return;
        }
        StringBuilder frame = new StringBuilder(data.length() + 64);
        if (id != null) {
            frame.append("id: ").append(id).append('\n');
            lastPopId = id;
        }
        frame.append("event: ").append(event).append('\n');
        for (String line : data.split("\n", -1)) {
            frame.append("data: ").append(line).append('\n');
        }
        frame.append('\n');
        write(frame.toString());
    }

    /** A {@code ping} event: keeps proxies from closing an idle stream and lets the browser see the link is alive. */
    void heartbeat() {
        write("event: ping\ndata: {}\n\n");
    }

    private void write(String frame) {
        context.runOnContext(v -> {
            if (!open.get()) {
                return;
            }
            if (response.writeQueueFull()) {
                close(); // a stalled browser: it reconnects and catches up from Last-Event-ID
                return;
            }
            response.write(frame);
        });
    }

    /** Ends the stream (the browser reconnects unless told it was signed out). */
    void close() {
        if (open.compareAndSet(true, false)) {
            context.runOnContext(v -> {
                if (!response.ended() && !response.closed()) {
                    response.end();
                }
            });
        }
    }

    void closed() {
        open.set(false);
    }
}
