package sa.civilaffairs.cc.feedback;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.StatusSms;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Tickets as the channels use them: stored by the wrapped {@link Tickets}, then the contact (when the ticket has one)
 * is told by SMS: {@code ticket.opened}, {@code ticket.updated} (routed, in progress, with the state's word),
 * {@code ticket.answered}, {@code ticket.closed}. The agent's notes are never sent.
 */
public final class TicketDesk implements Tickets {
    private final Tickets tickets;
    private final StatusSms sms;

    public TicketDesk(Tickets tickets, StatusSms sms) {
        this.tickets = tickets;
        this.sms = sms;
    }

    @Override
    public Ticket open(NewTicket ticket, String idempotencyKey) {
        Ticket opened = tickets.open(ticket, idempotencyKey);
        tell(opened, "ticket.opened", Map.of("ref", opened.reference().value()));
        return opened;
    }

    @Override
    public Ticket advance(Reference reference, TicketStatus to, String by, String note) {
        Ticket changed = tickets.advance(reference, to, by, note);
        String ref = changed.reference().value();
        switch (to) {
            case ROUTED, IN_PROGRESS -> tell(changed, "ticket.updated",
                    Map.of("ref", ref, "status", sms.stateWord("ticket", to, changed.language())));
            case ANSWERED -> tell(changed, "ticket.answered", Map.of("ref", ref));
            case CLOSED -> tell(changed, "ticket.closed", Map.of("ref", ref));
            case OPEN -> throw new IllegalStateException("no step leads back to OPEN");
        }
        return changed;
    }

    @Override
    public Optional<Ticket> find(Reference reference) {
        return tickets.find(reference);
    }

    @Override
    public List<Ticket> of(NationalId person) {
        return tickets.of(person);
    }

    @Override
    public List<Ticket> byMobile(Mobile mobile) {
        return tickets.byMobile(mobile);
    }

    @Override
    public List<Ticket> queue(Optional<Region> region, Optional<TicketStatus> status, int limit) {
        return tickets.queue(region, status, limit);
    }

    private void tell(Ticket ticket, String template, Map<String, String> values) {
        sms.tell(ticket.contact(), ticket.reference(), template, ticket.language(), values);
    }
}
