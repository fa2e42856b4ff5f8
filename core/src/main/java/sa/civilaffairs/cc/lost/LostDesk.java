package sa.civilaffairs.cc.lost;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.notify.StatusSms;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Lost reports as the channels use them: stored by the wrapped {@link LostReports}, then the contact (when known) is
 * told by SMS: {@code lost.reported} (with the offer to book a replacement), {@code lost.replacement},
 * {@code lost.closed}.
 */
public final class LostDesk implements LostReports {
    private final LostReports reports;
    private final StatusSms sms;

    public LostDesk(LostReports reports, StatusSms sms) {
        this.reports = reports;
        this.sms = sms;
    }

    @Override
    public LostReport report(NewLostReport report, String idempotencyKey) {
        LostReport filed = reports.report(report, idempotencyKey);
        tell(filed, "lost.reported", Map.of("ref", filed.reference().value()));
        return filed;
    }

    @Override
    public LostReport linkReplacement(Reference report, Reference appointment, String by) {
        LostReport linked = reports.linkReplacement(report, appointment, by);
        tell(linked, "lost.replacement", Map.of("ref", linked.reference().value(), "appointment",
                appointment.value()));
        return linked;
    }

    @Override
    public LostReport close(Reference report, String by, String note) {
        LostReport closed = reports.close(report, by, note);
        tell(closed, "lost.closed", Map.of("ref", closed.reference().value()));
        return closed;
    }

    @Override
    public Optional<LostReport> find(Reference reference) {
        return reports.find(reference);
    }

    @Override
    public List<LostReport> of(NationalId person) {
        return reports.of(person);
    }

    @Override
    public List<LostReport> byMobile(Mobile mobile) {
        return reports.byMobile(mobile);
    }

    private void tell(LostReport report, String template, Map<String, String> values) {
        sms.tell(report.contact(), report.reference(), template, report.language(), values);
    }
}
