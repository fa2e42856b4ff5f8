package sa.civilaffairs.cc.lost;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * A lost-document report. {@code where} and {@code when} are the citizen's own words, empty when not given;
 * {@code replacementAppointment} is the reference of the بدل فاقد appointment once booked. {@code history} is oldest
 * first, its last step's status is {@code status}.
 */
public record LostReport(Reference reference, NationalId person, LostDocument document, String where, String when,
                         Optional<Mobile> contact, LostStatus status, Optional<Reference> replacementAppointment,
                         List<CaseStep<LostStatus>> history, Channel channel, Language language, Instant createdAt) {
    public LostReport {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(replacementAppointment, "replacementAppointment");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        where = where == null ? "" : where;
        when = when == null ? "" : when;
        history = List.copyOf(history);
    }
}
