package sa.civilaffairs.cc.console.support;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.notify.Notifier;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.outbox.Outbox;
import sa.civilaffairs.cc.text.Language;

/**
 * Until core's template-rendering notifier is on this branch: appends to the real outbox a message whose text is the
 * template id and its values, so tests read what the citizen would be sent from the outbox stream.
 */
public final class OutboxStandInNotifier implements Notifier {
    private final Outbox outbox;
    private final Clock clock;

    public OutboxStandInNotifier(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String send(Mobile to, Lane lane, String templateId, Language language, Map<String, String> values,
                       String inReplyTo) {
        return outbox.enqueue(new OutboundSms(UUID.randomUUID().toString(), to, lane, language, templateId,
                templateId + " " + new TreeMap<>(values), inReplyTo, clock.instant()));
    }
}
