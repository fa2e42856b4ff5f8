package sa.civilaffairs.cc.lost;

import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Lost-document reports, shared by SMS, IVR and console. Thread-safe; calls block on Redis. Does not notify anyone:
 * wrap it in {@link LostDesk} for the citizen's SMS.
 */
public interface LostReports {

    /** Files a report in status {@link LostStatus#REPORTED}; the same {@code idempotencyKey} never files two. */
    LostReport report(NewLostReport report, String idempotencyKey);

    /**
     * Records the replacement (بدل فاقد) appointment booked for the report: status
     * {@link LostStatus#REPLACEMENT_BOOKED}.
     *
     * @throws IllegalTransitionException when the report is closed; nothing is written
     * @throws UnknownCaseException when there is no such report; nothing is written
     */
    LostReport linkReplacement(Reference report, Reference appointment, String by);

    /** Closes the report with {@code note} (found again, replaced); same exceptions as {@link #linkReplacement}. */
    LostReport close(Reference report, String by, String note);

    Optional<LostReport> find(Reference reference);

    /** Reports of the person, newest first. */
    List<LostReport> of(NationalId person);

    /** Reports whose contact is {@code mobile}, newest first. */
    List<LostReport> byMobile(Mobile mobile);
}
