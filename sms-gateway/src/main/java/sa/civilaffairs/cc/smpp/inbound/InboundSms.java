package sa.civilaffairs.cc.smpp.inbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import sa.civilaffairs.cc.text.Language;

/**
 * A complete message a citizen sent to the short code, as appended to {@code {sms}:inbound}.
 *
 * @param from          the sender, E.164 digits without plus ({@code 9665XXXXXXXX}) when it is a Saudi mobile, else
 *                      the address as the SMSC gave it
 * @param language      guessed from the text; empty when the text does not tell (digits only)
 * @param smscMessageId the SMSC's id of the message when it sent one, else empty
 */
public record InboundSms(String id, String from, String to, String text, String language, Instant receivedAt,
                         String smscMessageId) {

    public InboundSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
        language = language == null ? "" : language;
        smscMessageId = smscMessageId == null ? "" : smscMessageId;
    }

    public Map<String, String> toFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("id", id);
        f.put("from", from);
        f.put("to", to);
        f.put("text", text);
        f.put("lang", language);
        f.put("receivedAt", Long.toString(receivedAt.toEpochMilli()));
        f.put("smscId", smscMessageId);
        return f;
    }

    public static InboundSms fromFields(Map<String, String> f) {
        return new InboundSms(f.get("id"), f.get("from"), f.get("to"), f.get("text"), f.get("lang"),
                Instant.ofEpochMilli(Long.parseLong(f.get("receivedAt"))), f.get("smscId"));
    }

    /** The language, Arabic when the text did not tell. */
    public Language languageOrArabic() {
        return language.isEmpty() ? Language.AR : Language.fromCode(language);
    }

    @Override
    public String toString() {
        return "InboundSms[" + id + " from " + sa.civilaffairs.cc.smpp.Handset.mask(from) + " to " + to + ", "
                + text.length() + " chars]";
    }
}
