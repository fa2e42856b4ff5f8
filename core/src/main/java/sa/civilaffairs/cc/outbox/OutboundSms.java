package sa.civilaffairs.cc.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.text.Language;

/**
 * One SMS to send from the short code: already rendered text, the recipient, and the lane. {@code templateId} records
 * which template produced the text (empty for free text); {@code inReplyTo} is the id of the inbound message it
 * answers, if any.
 */
public record OutboundSms(String id, Mobile to, Lane lane, Language language, String templateId, String text,
                          String inReplyTo, Instant createdAt) {

    public OutboundSms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(lane, "lane");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("sms text: empty (expected: the rendered message)");
        }
        templateId = templateId == null ? "" : templateId;
        inReplyTo = inReplyTo == null ? "" : inReplyTo;
    }

    /** The fields of the outbox stream entry. */
    public Map<String, String> toFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("to", to.e164());
        fields.put("lane", lane.name());
        fields.put("lang", language.code());
        fields.put("template", templateId);
        fields.put("text", text);
        fields.put("inReplyTo", inReplyTo);
        fields.put("createdAt", Long.toString(createdAt.toEpochMilli()));
        return fields;
    }

    /** Reads an outbox stream entry written by {@link #toFields()}. */
    public static OutboundSms fromFields(Map<String, String> fields) {
        return new OutboundSms(fields.get("id"), new Mobile(fields.get("to")), Lane.valueOf(fields.get("lane")),
                Language.fromCode(fields.get("lang")), fields.get("template"), fields.get("text"),
                fields.get("inReplyTo"), Instant.ofEpochMilli(Long.parseLong(fields.get("createdAt"))));
    }
}
