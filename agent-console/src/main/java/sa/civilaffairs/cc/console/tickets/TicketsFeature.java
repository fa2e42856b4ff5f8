package sa.civilaffairs.cc.console.tickets;

import java.util.List;
import sa.civilaffairs.cc.console.web.Access;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.console.web.NavLink;
import sa.civilaffairs.cc.console.web.Page;
import sa.civilaffairs.cc.console.web.Routes;

/** Tahseen tickets and lost-document reports: one screen, for agents and up. */
public final class TicketsFeature implements ConsoleFeature {
    public static final String PATH = "/tickets";
    static final Page PAGE = new Page("/sa/civilaffairs/cc/console/tickets/tickets.html", "ui.tickets.title",
            "tickets");

    private final TicketsApi api;

    public TicketsFeature(TicketsApi api) {
        this.api = api;
    }

    @Override
    public void mount(Routes routes) {
        routes.page(PATH, Access.AGENT, PAGE)
                .post("/api/tickets", Access.AGENT, api::open)
                .get("/api/tickets/queue", Access.AGENT, api::queue)
                .get("/api/tickets/:reference", Access.AGENT, api::showTicket)
                .post("/api/tickets/:reference/step", Access.AGENT, api::step)
                .post("/api/lost", Access.AGENT, api::report)
                .get("/api/lost/:reference", Access.AGENT, api::showLost)
                .post("/api/lost/:reference/replacement", Access.AGENT, api::replacement)
                .post("/api/lost/:reference/close", Access.AGENT, api::close);
    }

    @Override
    public List<NavLink> navigation() {
        return List.of(new NavLink(PATH, "ui.nav.tickets", Access.AGENT, "t"));
    }
}
