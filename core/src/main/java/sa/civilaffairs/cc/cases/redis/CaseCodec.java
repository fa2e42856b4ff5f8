package sa.civilaffairs.cc.cases.redis;

import java.util.List;
import java.util.Map;
import sa.civilaffairs.cc.cases.CaseStatus;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.reference.Reference;

/**
 * How one kind of case is laid out in Redis: its fields as a flat hash (history apart) and its indexes. Stateless,
 * thread-safe.
 *
 * @param <C> the case record
 * @param <S> its status enum
 */
public interface CaseCodec<C, S extends Enum<S> & CaseStatus<S>> {

    Class<S> statusType();

    Reference reference(C kase);

    List<CaseStep<S>> history(C kase);

    /** Every field but the history, as strings; empty string for an absent optional. */
    Map<String, String> fields(C kase);

    /** The case back from {@link #fields} and its history, oldest first. */
    C decode(Map<String, String> fields, List<CaseStep<S>> history);

    CaseIndex index(C kase);
}
