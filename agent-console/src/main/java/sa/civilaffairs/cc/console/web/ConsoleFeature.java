package sa.civilaffairs.cc.console.web;

import java.util.List;

/**
 * Extension point for the screens that come later (booking, visit requests, tickets, lost reports, SMS chat): a
 * feature mounts its API routes and pages through {@link Routes}, so it gets the same session, role, CSRF, language
 * and worker-thread handling as the console's own routes, and adds its entries to the menu. Audit its views and
 * changes through the {@link sa.civilaffairs.cc.console.audit.AuditLog} it was built with, with its own
 * {@link sa.civilaffairs.cc.console.audit.AuditAction} codes.
 */
public interface ConsoleFeature {
    /** Called once per HTTP verticle instance, on its event loop: register routes, do not block. */
    void mount(Routes routes);

    default List<NavLink> navigation() {
        return List.of();
    }
}
