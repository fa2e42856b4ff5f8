package sa.civilaffairs.cc.console.person;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import sa.civilaffairs.cc.console.audit.Actor;
import sa.civilaffairs.cc.console.audit.AuditAction;
import sa.civilaffairs.cc.console.audit.AuditLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;

/**
 * Finds a person for an agent: the civil registry's data, reduced to what the agent's role needs, and our history.
 * Every person shown is written to the audit log first; if the audit entry cannot be written, nothing is shown.
 * Thread-safe; blocking (registry and Redis calls): run it on a worker.
 */
public final class PersonLookup {
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final int HISTORY_LIMIT = 50;

    private final CivilRegistry registry;
    private final PersonHistory history;
    private final MobileIndex mobiles;
    private final AuditLog audit;
    private final Clock clock;

    public PersonLookup(CivilRegistry registry, PersonHistory history, MobileIndex mobiles, AuditLog audit,
                        Clock clock) {
        this.registry = registry;
        this.history = history;
        this.mobiles = mobiles;
        this.audit = audit;
        this.clock = clock;
    }

    /** What a lookup found. */
    public sealed interface Result {
        record Found(List<PersonCard> cards) implements Result {
            public Found {
                cards = List.copyOf(cards);
            }
        }

        record NotFound() implements Result {
        }

        /** The registry did not answer; nothing was shown. */
        record Unavailable() implements Result {
        }
    }

    public Result byNationalId(NationalId id, Actor actor) {
        RegistryAnswer answer = registry.lookup(id);
        if (answer instanceof RegistryAnswer.Found f) {
            f.person().mobile().ifPresent(m -> mobiles.remember(m, id));
            return new Result.Found(List.of(show(f.person(), actor, "lookup by national ID")));
        }
        return answer instanceof RegistryAnswer.NotFound ? new Result.NotFound() : new Result.Unavailable();
    }

    /**
     * Everyone whom our records or earlier lookups tie to {@code mobile} and whom the registry still lists with that
     * mobile (a stale hint never shows someone else's data).
     */
    public Result byMobile(Mobile mobile, Actor actor) {
        Set<NationalId> candidates = new LinkedHashSet<>(history.idsByMobile(mobile));
        candidates.addAll(mobiles.idsOf(mobile));
        List<PersonCard> cards = new ArrayList<>();
        for (NationalId id : candidates) {
            RegistryAnswer answer = registry.lookup(id);
            if (answer instanceof RegistryAnswer.Unavailable) {
                return new Result.Unavailable();
            }
            if (answer instanceof RegistryAnswer.Found f && f.person().mobile().filter(mobile::equals).isPresent()) {
                cards.add(show(f.person(), actor, "lookup by mobile " + mobile.masked()));
            }
        }
        return cards.isEmpty() ? new Result.NotFound() : new Result.Found(cards);
    }

    /** Reveal outcome: the registry's mobile in full, none on record, or the registry did not answer. */
    public sealed interface Reveal {
        record Shown(Mobile mobile) implements Reveal {
        }

        record NoMobile() implements Reveal {
        }

        record NotFound() implements Reveal {
        }

        record Unavailable() implements Reveal {
        }
    }

    /** The person's mobile in full, for a role that sees it masked; audited as {@link AuditAction#MOBILE_REVEAL}. */
    public Reveal revealMobile(NationalId id, Actor actor) {
        RegistryAnswer answer = registry.lookup(id);
        if (answer instanceof RegistryAnswer.Found f) {
            Optional<Mobile> m = f.person().mobile();
            if (m.isEmpty()) {
                return new Reveal.NoMobile();
            }
            audit.append(actor.did(AuditAction.MOBILE_REVEAL, Optional.of(id), "mobile " + m.get().masked()));
            return new Reveal.Shown(m.get());
        }
        return answer instanceof RegistryAnswer.NotFound ? new Reveal.NotFound() : new Reveal.Unavailable();
    }

    private PersonCard show(Person p, Actor actor, String how) {
        audit.append(actor.did(AuditAction.PERSON_VIEW, Optional.of(p.nationalId()), how));
        return PersonCard.of(p, actor.requireRole(), LocalDate.now(clock.withZone(RIYADH)), history.connected(),
                history.of(p, HISTORY_LIMIT));
    }
}
