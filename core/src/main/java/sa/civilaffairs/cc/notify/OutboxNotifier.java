package sa.civilaffairs.cc.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.text.Language;

/**
 * Renders a template and appends the SMS to the {@link Outbox}, where the SMS gateway picks it up. The text is
 * rendered here, at the moment of the change, so a later edit of the templates never rewrites a message already
 * queued. Thread-safe; blocks on the outbox (Redis).
 */
public final class OutboxNotifier implements Notifier {
    private final MessageTemplates templates;
    private final Outbox outbox;
    private final Clock clock;
    private final Supplier<String> ids;

    /** Message ids are random UUIDs. */
    public OutboxNotifier(MessageTemplates templates, Outbox outbox, Clock clock) {
        this(templates, outbox, clock, () -> UUID.randomUUID().toString());
    }

    public OutboxNotifier(MessageTemplates templates, Outbox outbox, Clock clock, Supplier<String> ids) {
        this.templates = templates;
        this.outbox = outbox;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public String send(Mobile to, Lane lane, String templateId, Language language, Map<String, String> values,
                       String inReplyTo) {
        String text = templates.render(templateId, language, values);
        return outbox.enqueue(new OutboundSms(ids.get(), to, lane, language, templateId, text, inReplyTo,
                clock.instant()));
    }
}
