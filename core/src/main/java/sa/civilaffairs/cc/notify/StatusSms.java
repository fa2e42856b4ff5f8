package sa.civilaffairs.cc.notify;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.cases.CaseStatus;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.Language;

/**
 * Tells a citizen by SMS that their case changed, on the {@link Lane#NOTIFICATION} lane. Used by the desks
 * ({@code VisitDesk}, {@code TicketDesk}, {@code LostDesk}) after the change is stored.
 *
 * <p>The change is the truth and is already written when this runs: if the outbox cannot take the SMS, the failure is
 * logged (reference and masked mobile only) and swallowed, so the agent or dialog that made the change is not told
 * it failed (a retry would be refused as an illegal transition). Thread-safe.
 */
public final class StatusSms {
    private static final Logger LOG = LoggerFactory.getLogger(StatusSms.class);

    private final Notifier notifier;
    private final MessageTemplates templates;

    public StatusSms(Notifier notifier, MessageTemplates templates) {
        this.notifier = notifier;
        this.templates = templates;
    }

    /** Queues {@code templateId} to {@code to} when there is a number; returns the message id if queued. */
    public Optional<String> tell(Optional<Mobile> to, Reference about, String templateId, Language language,
                                 Map<String, String> values) {
        if (to.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(notifier.send(to.get(), Lane.NOTIFICATION, templateId, language, values));
        } catch (RuntimeException e) {
            LOG.warn("{}: {} to {} not queued: {}", about, templateId, to.get(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * The citizen's word for a status, from template {@code state.<kind>.<status>}, e.g.
     * {@code state.ticket.in_progress}: for {@code {status}} placeholders.
     */
    public String stateWord(String kind, CaseStatus<?> status, Language language) {
        return stateWord(templates, kind, status, language);
    }

    /** {@link #stateWord(String, CaseStatus, Language)} from the given templates (status lines, the console). */
    public static String stateWord(MessageTemplates templates, String kind, CaseStatus<?> status, Language language) {
        return templates.render("state." + kind + "." + status.name().toLowerCase(Locale.ROOT), language, Map.of());
    }
}
