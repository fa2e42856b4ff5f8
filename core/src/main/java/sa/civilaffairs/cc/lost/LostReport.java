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
        history = CaseStep.requireHistory(status, history);
    }

    /** A report just filed: status {@link LostStatus#REPORTED}, one step. */
    public static LostReport reported(Reference reference, NewLostReport r, Instant at) {
        return new LostReport(reference, r.person(), r.document(), r.where(), r.when(), r.contact(),
                LostStatus.REPORTED, Optional.empty(), List.of(new CaseStep<>(LostStatus.REPORTED, at, r.by(), "")),
                r.channel(), r.language(), at);
    }

    /**
     * This report with its replacement appointment; pure.
     *
     * @throws sa.civilaffairs.cc.cases.IllegalTransitionException when the report is closed
     */
    public LostReport withReplacement(Reference appointment, Instant at, String by) {
        return new LostReport(reference, person, document, where, when, contact, LostStatus.REPLACEMENT_BOOKED,
                Optional.of(appointment),
                CaseStep.append(reference, history, LostStatus.REPLACEMENT_BOOKED, at, by, appointment.value()),
                channel, language, createdAt);
    }

    /**
     * This report closed; pure.
     *
     * @throws sa.civilaffairs.cc.cases.IllegalTransitionException when it is closed already
     */
    public LostReport closed(Instant at, String by, String note) {
        return new LostReport(reference, person, document, where, when, contact, LostStatus.CLOSED,
                replacementAppointment, CaseStep.append(reference, history, LostStatus.CLOSED, at, by, note),
                channel, language, createdAt);
    }

    /** For logs: reference, document and status only. */
    @Override
    public String toString() {
        return "LostReport[" + reference + ", " + document + ", " + status + "]";
    }
}
