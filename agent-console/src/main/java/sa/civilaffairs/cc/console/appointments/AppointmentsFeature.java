package sa.civilaffairs.cc.console.appointments;

import java.util.List;
import sa.civilaffairs.cc.console.web.Access;
import sa.civilaffairs.cc.console.web.ConsoleFeature;
import sa.civilaffairs.cc.console.web.NavLink;
import sa.civilaffairs.cc.console.web.Page;
import sa.civilaffairs.cc.console.web.Routes;

/** The appointments screen and API, for agents and up. */
public final class AppointmentsFeature implements ConsoleFeature {
    public static final String PATH = "/appointments";
    static final Page PAGE = new Page("/sa/civilaffairs/cc/console/appointments/appointments.html",
            "ui.appointments.title", "appointments");

    private final AppointmentsApi api;

    public AppointmentsFeature(AppointmentsApi api) {
        this.api = api;
    }

    @Override
    public void mount(Routes routes) {
        routes.page(PATH, Access.AGENT, PAGE)
                .get("/api/appointments/choices", Access.AGENT, api::choices)
                .post("/api/appointments", Access.AGENT, api::book)
                .post("/api/appointments/of", Access.AGENT, api::of)
                .post("/api/appointments/:reference/reschedule", Access.AGENT, api::reschedule)
                .post("/api/appointments/:reference/cancel", Access.AGENT, api::cancel);
    }

    @Override
    public List<NavLink> navigation() {
        return List.of(new NavLink(PATH, "ui.nav.appointments", Access.AGENT, "b"));
    }
}
