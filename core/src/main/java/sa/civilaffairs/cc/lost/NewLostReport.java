package sa.civilaffairs.cc.lost;

import java.util.Objects;
import java.util.Optional;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.text.Language;

/**
 * What a channel collected for a lost-document report. {@code where}/{@code when} are optional free text (empty when
 * not asked or not answered), at most {@value #MAX_FREE_TEXT} characters each; {@code by} is who reports it.
 */
public record NewLostReport(NationalId person, LostDocument document, String where, String when,
                            Optional<Mobile> contact, Channel channel, Language language, String by) {
    public static final int MAX_FREE_TEXT = 200;

    public NewLostReport {
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(contact, "contact (expected: Optional.empty() when unknown)");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        where = bounded("lost.where", where);
        when = bounded("lost.when", when);
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("lost.by: empty (expected: an agent login, sms or ivr)");
        }
    }

    private static String bounded(String field, String text) {
        String s = text == null ? "" : text.strip();
        if (s.length() > MAX_FREE_TEXT) {
            throw new IllegalArgumentException(field + ": " + s.length() + " characters (expected: at most "
                    + MAX_FREE_TEXT + ")");
        }
        return s;
    }
}
