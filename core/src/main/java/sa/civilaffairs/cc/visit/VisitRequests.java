package sa.civilaffairs.cc.visit;

import java.util.List;
import java.util.Optional;
import sa.civilaffairs.cc.cases.IllegalTransitionException;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Taqdeer visit requests, shared by SMS, IVR and console. Thread-safe; calls block on Redis (never call from an event
 * loop). Does not notify anyone: wrap it in {@link VisitDesk} for the requester's SMS at each step.
 */
public interface VisitRequests {

    /**
     * Files a new request in status {@link VisitStatus#SUBMITTED}. {@code idempotencyKey} identifies the attempt (the
     * inbound SMS id, the call's unique id, the console form token): the same key returns the request filed first and
     * never files a second one.
     */
    VisitRequest submit(NewVisitRequest request, String idempotencyKey);

    /**
     * Moves the request to {@code to}, appending a history step. {@code schedule} is required for
     * {@link VisitStatus#SCHEDULED} and ignored otherwise; {@code note} is required for {@link VisitStatus#DECLINED}
     * (the reason, told to the requester).
     *
     * @throws IllegalTransitionException when the state machine does not allow it; nothing is written
     * @throws UnknownCaseException when there is no such request; nothing is written
     */
    VisitRequest advance(Reference reference, VisitStatus to, String by, String note,
                         Optional<VisitSchedule> schedule);

    Optional<VisitRequest> find(Reference reference);

    /** Requests where the person is the beneficiary or the requester, newest first. */
    List<VisitRequest> of(NationalId person);

    /** Requests whose contact is {@code mobile}, newest first. */
    List<VisitRequest> byMobile(Mobile mobile);

    /**
     * The work queue, oldest first, at most {@code limit}: requests of the region (all regions when empty) in the
     * status (every open status, i.e. not {@link VisitStatus#terminal()}, when empty).
     */
    List<VisitRequest> queue(Optional<Region> region, Optional<VisitStatus> status, int limit);
}
