package sa.civilaffairs.cc.ivr.hotline;

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
 * Puts each notification into the real outbox with the template id and the values as its text, so the tests read
 * what the IVR asked to send from Redis. (The rendering notifier is built on branch cases.)
 */
final class OutboxTestNotifier implements Notifier {
    private final Outbox outbox;
    private final Clock clock;

    OutboxTestNotifier(Outbox outbox, Clock clock) {
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
