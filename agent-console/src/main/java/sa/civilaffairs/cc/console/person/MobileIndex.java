package sa.civilaffairs.cc.console.person;

import java.util.Set;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;

/**
 * Which people the registry said hold a mobile, as the console has seen in its own lookups: the civil registry can
 * only be asked by national ID, so lookup by mobile needs this (and {@link PersonHistory#idsByMobile}). Entries are
 * hints; a lookup always confirms them against the registry. Thread-safe; calls block (Redis).
 */
public interface MobileIndex {
    void remember(Mobile mobile, NationalId person);

    Set<NationalId> idsOf(Mobile mobile);
}
