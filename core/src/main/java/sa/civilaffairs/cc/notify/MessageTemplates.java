package sa.civilaffairs.cc.notify;

import java.util.Map;
import java.util.Set;
import sa.civilaffairs.cc.text.Language;

/** The SMS texts of {@code config/messages/}, one per template id and language, with {@code {name}} placeholders. */
public interface MessageTemplates {
    /** Renders the template; a missing id or placeholder value is an {@link IllegalArgumentException}. */
    String render(String templateId, Language language, Map<String, String> values);

    Set<String> ids();
}
