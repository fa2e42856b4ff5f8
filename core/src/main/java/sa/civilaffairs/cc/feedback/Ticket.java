package sa.civilaffairs.cc.feedback;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * A Tahseen ticket routed to the administration of {@code region}. {@code person} and {@code contact} are optional
 * (an anonymous suggestion); updates go by SMS to {@code contact} in {@code language}. {@code history} is oldest
 * first, its last step's status is {@code status}. The text may hold personal data: never log it.
 */
public record Ticket(Reference reference, TicketKind kind, Region region, TicketText text,
                     Optional<NationalId> person, Optional<Mobile> contact, TicketStatus status,
                     List<CaseStep<TicketStatus>> history, Channel channel, Language language, Instant createdAt) {
    public Ticket {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        history = CaseStep.requireHistory(status, history);
    }

    /** A ticket just opened: status {@link TicketStatus#OPEN}, one step. */
    public static Ticket opened(Reference reference, NewTicket t, Instant at) {
        return new Ticket(reference, t.kind(), t.region(), t.text(), t.person(), t.contact(), TicketStatus.OPEN,
                List.of(new CaseStep<>(TicketStatus.OPEN, at, t.by(), "")), t.channel(), t.language(), at);
    }

    /**
     * This ticket moved to {@code to}; pure.
     *
     * @throws sa.civilaffairs.cc.cases.IllegalTransitionException when the state machine does not allow it
     */
    public Ticket moveTo(TicketStatus to, Instant at, String by, String note) {
        return new Ticket(reference, kind, region, text, person, contact, to,
                CaseStep.append(reference, history, to, at, by, note), channel, language, createdAt);
    }

    /** For logs: reference, kind, status and region only; never the text or the contact. */
    @Override
    public String toString() {
        return "Ticket[" + reference + ", " + kind + ", " + status + ", " + region + "]";
    }
}
