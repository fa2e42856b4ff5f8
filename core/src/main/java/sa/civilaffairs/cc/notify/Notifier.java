package sa.civilaffairs.cc.notify;

import java.util.Map;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.outbox.Lane;
import sa.civilaffairs.cc.text.Language;

/**
 * Sends a templated SMS: renders {@code templateId} from {@code config/messages/} in {@code language} with
 * {@code values} and appends it to the outbox. Returns the outbox message id. Thread-safe; blocks on Redis.
 */
public interface Notifier {
    String send(Mobile to, Lane lane, String templateId, Language language, Map<String, String> values,
                String inReplyTo);

    default String send(Mobile to, Lane lane, String templateId, Language language, Map<String, String> values) {
        return send(to, lane, templateId, language, values, "");
    }
}
