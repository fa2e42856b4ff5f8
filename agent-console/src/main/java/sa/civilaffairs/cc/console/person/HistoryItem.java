package sa.civilaffairs.cc.console.person;

import java.time.Instant;
import java.util.Optional;
import sa.civilaffairs.cc.reference.Reference;

/**
 * One line of a person's history with us, as the person card shows it.
 *
 * @param status  the item's state in its own store's vocabulary (e.g. {@code BOOKED}, {@code SCHEDULED})
 * @param summary a short text for the agent (office and service, ticket subject...), no other person's data
 */
public record HistoryItem(Kind kind, Optional<Reference> reference, String status, Instant at, String summary) {

    public enum Kind { APPOINTMENT, VISIT_REQUEST, TICKET, LOST_REPORT, CALLBACK, SMS_IN, SMS_OUT }

    public HistoryItem {
        if (kind == null || at == null) {
            throw new IllegalArgumentException("history item: kind and time are required");
        }
        reference = reference == null ? Optional.empty() : reference;
        status = status == null ? "" : status;
        summary = summary == null ? "" : summary;
    }
}
