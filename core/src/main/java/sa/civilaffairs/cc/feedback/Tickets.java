package sa.civilaffairs.cc.feedback;

import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Tahseen tickets, shared by SMS and console. Thread-safe; calls block on Redis. Does not notify anyone: wrap it in
 * {@link TicketDesk} for the citizen's SMS at each step.
 */
public interface Tickets {

    /** Opens a ticket in status {@link TicketStatus#OPEN}; the same {@code idempotencyKey} never opens two. */
    Ticket open(NewTicket ticket, String idempotencyKey);

    /**
     * Moves the ticket to {@code to}, appending a history step with {@code note} (internal, shown on the console;
     * the citizen's SMS says only the new status and the reference).
     *
     * @throws IllegalTransitionException when the state machine does not allow it; nothing is written
     * @throws UnknownCaseException when there is no such ticket; nothing is written
     */
    Ticket advance(Reference reference, TicketStatus to, String by, String note);

    Optional<Ticket> find(Reference reference);

    /** Tickets of the person, newest first. */
    List<Ticket> of(NationalId person);

    /** Tickets whose contact is {@code mobile}, newest first. */
    List<Ticket> byMobile(Mobile mobile);

    /** Oldest first, at most {@code limit}, of the region (all when empty) in the status (every open one when empty). */
    List<Ticket> queue(Optional<Region> region, Optional<TicketStatus> status, int limit);
}
