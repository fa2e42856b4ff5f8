package sa.civilaffairs.cc.visit;

import java.time.Clock;
import java.util.Objects;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.visit.VisitAssessment.RefusalReason;

/**
 * Files a visit request the way every channel must (PRODUCT.md, "The civil registry"): look the beneficiary up in the
 * registry, assess eligibility on the Riyadh date, and submit only an accepted request. When the registry is down
 * nothing is written and the channel says so ({@code registry.unavailable}). Thread-safe; blocks on the registry and
 * Redis. A console override (eligibility {@code OVERRIDDEN}) bypasses this and calls {@link VisitRequests#submit}.
 */
public final class VisitIntake {
    private final CivilRegistry registry;
    private final VisitRequests requests;
    private final Clock clock;

    /** {@code requests}: a {@link VisitDesk} so the requester gets the receipt by SMS, or a bare store. */
    public VisitIntake(CivilRegistry registry, VisitRequests requests, Clock clock) {
        this.registry = registry;
        this.requests = requests;
        this.clock = clock;
    }

    /** What came of an application. */
    public sealed interface Outcome {
        record Filed(VisitRequest request) implements Outcome {
            public Filed {
                Objects.requireNonNull(request, "request");
            }
        }

        /** The beneficiary may not have a visit; the channel sends {@code reason.templateId()}. */
        record Refused(RefusalReason reason) implements Outcome {
            public Refused {
                Objects.requireNonNull(reason, "reason");
            }
        }

        /** The registry does not know the national ID. */
        record UnknownPerson() implements Outcome {
        }

        /** The registry could not be asked; nothing was written. */
        record RegistryUnavailable() implements Outcome {
        }
    }

    public Outcome submit(VisitApplication application, String idempotencyKey) {
        RegistryAnswer answer = registry.lookup(application.beneficiary());
        if (answer instanceof RegistryAnswer.Unavailable) {
            return new Outcome.RegistryUnavailable();
        }
        if (!(answer instanceof RegistryAnswer.Found found)) {
            return new Outcome.UnknownPerson();
        }
        VisitAssessment assessment = application.claimed()
                .map(claimed -> VisitEligibility.assess(found.person(), claimed, RiyadhTime.today(clock)))
                .orElseGet(() -> VisitEligibility.assess(found.person(), RiyadhTime.today(clock)));
        if (assessment instanceof VisitAssessment.Refused refused) {
            return new Outcome.Refused(refused.reason());
        }
        VisitAssessment.Accepted accepted = (VisitAssessment.Accepted) assessment;
        return new Outcome.Filed(requests.submit(application.accepted(accepted), idempotencyKey));
    }
}
