package sa.civilaffairs.cc.visit;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.calendar.CitizenDates;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.StatusSms;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Visit requests as the channels use them: each submission and each step is stored by the wrapped
 * {@link VisitRequests}, then the contact mobile is told by SMS ({@code visit.*} templates) in the request's
 * language. The store knows nothing of SMS; this decorator adds it. A retried submission (same idempotency key)
 * sends the receipt again: at least once, since the first attempt may have stopped before its SMS.
 */
public final class VisitDesk implements VisitRequests {
    /** A declined visit's reason is cut to this length in the SMS, to stay within two parts. */
    public static final int REASON_IN_SMS = 60;

    private final VisitRequests requests;
    private final StatusSms sms;

    public VisitDesk(VisitRequests requests, StatusSms sms) {
        this.requests = requests;
        this.sms = sms;
    }

    @Override
    public VisitRequest submit(NewVisitRequest request, String idempotencyKey) {
        VisitRequest filed = requests.submit(request, idempotencyKey);
        String template = filed.eligibility() == Eligibility.TO_REVIEW ? "visit.submitted.review"
                : "visit.submitted.eligible";
        tell(filed, template, Map.of("ref", filed.reference().value()));
        return filed;
    }

    @Override
    public VisitRequest advance(Reference reference, VisitStatus to, String by, String note,
                                Optional<VisitSchedule> schedule) {
        VisitRequest changed = requests.advance(reference, to, by, note, schedule);
        String ref = changed.reference().value();
        switch (to) {
            case CONTACTED -> tell(changed, "visit.contacted", Map.of("ref", ref));
            case SCHEDULED -> {
                VisitSchedule s = changed.schedule().orElseThrow();
                tell(changed, "visit.scheduled", Map.of("ref", ref,
                        "date", CitizenDates.date(s.date(), changed.language()),
                        "window", CitizenDates.time(s.from()) + "-" + CitizenDates.time(s.to())));
            }
            case VISITED -> tell(changed, "visit.visited", Map.of("ref", ref));
            case CLOSED -> tell(changed, "visit.closed", Map.of("ref", ref));
            case DECLINED -> tell(changed, "visit.declined", Map.of("ref", ref, "reason", cut(note)));
            case SUBMITTED -> throw new IllegalStateException("no step leads back to SUBMITTED");
        }
        return changed;
    }

    @Override
    public Optional<VisitRequest> find(Reference reference) {
        return requests.find(reference);
    }

    @Override
    public List<VisitRequest> of(NationalId person) {
        return requests.of(person);
    }

    @Override
    public List<VisitRequest> byMobile(Mobile mobile) {
        return requests.byMobile(mobile);
    }

    @Override
    public List<VisitRequest> queue(Optional<Region> region, Optional<VisitStatus> status, int limit) {
        return requests.queue(region, status, limit);
    }

    private void tell(VisitRequest request, String template, Map<String, String> values) {
        sms.tell(Optional.of(request.contact()), request.reference(), template, request.language(), values);
    }

    private static String cut(String reason) {
        String s = reason.strip().replaceAll("\\s+", " ");
        return s.length() <= REASON_IN_SMS ? s : s.substring(0, REASON_IN_SMS - 3).strip() + "...";
    }
}
