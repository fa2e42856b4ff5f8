package sa.civilaffairs.cc.console.visits;

import java.util.List;
import sa.civilaffairs.cc.console.web.Access;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.console.web.NavLink;
import sa.civilaffairs.cc.console.web.Page;
import sa.civilaffairs.cc.console.web.Routes;

/** The Taqdeer screen and API, for agents and up (overrides: supervisors). */
public final class VisitsFeature implements ConsoleFeature {
    public static final String PATH = "/visits";
    static final Page PAGE = new Page("/sa/civilaffairs/cc/console/visits/visits.html", "ui.visits.title", "visits");

    private final VisitsApi api;

    public VisitsFeature(VisitsApi api) {
        this.api = api;
    }

    @Override
    public void mount(Routes routes) {
        routes.page(PATH, Access.AGENT, PAGE)
                .post("/api/visits/assess", Access.AGENT, api::assess)
                .post("/api/visits", Access.AGENT, api::submit)
                .get("/api/visits/queue", Access.AGENT, api::queue)
                .get("/api/visits/:reference", Access.AGENT, api::show)
                .post("/api/visits/:reference/step", Access.AGENT, api::step);
    }

    @Override
    public List<NavLink> navigation() {
        return List.of(new NavLink(PATH, "ui.nav.visits", Access.AGENT, "v"));
    }
}
