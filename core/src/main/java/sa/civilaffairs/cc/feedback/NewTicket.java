package sa.civilaffairs.cc.feedback;

import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.text.Language;

/** What a channel collected for a new ticket; {@code by} is who opens it (an agent's login, {@code sms}). */
public record NewTicket(TicketKind kind, Region region, TicketText text, Optional<NationalId> person,
                        Optional<Mobile> contact, Channel channel, Language language, String by) {
    public NewTicket {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(person, "person (expected: Optional.empty() when anonymous)");
        Objects.requireNonNull(contact, "contact (expected: Optional.empty() when unknown)");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("ticket.by: empty (expected: an agent login or sms)");
        }
    }
}
