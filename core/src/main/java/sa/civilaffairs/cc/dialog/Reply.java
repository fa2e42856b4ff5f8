package sa.civilaffairs.cc.dialog;

import java.util.Objects;
import sa.civilaffairs.cc.text.Language;

/** One rendered answer to a citizen: the template that produced it, its language and the text to send. */
public record Reply(String templateId, Language language, String text) {
    public Reply {
        Objects.requireNonNull(templateId, "templateId");
        Objects.requireNonNull(language, "language");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("reply " + templateId + ": empty text (expected: a rendered message)");
        }
    }
}
