package sa.civilaffairs.cc.cases.redis;

import java.util.Locale;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.reference.Reference;

/**
 * Every Redis key of one kind of case ({@code visit}, {@code ticket}, {@code lost}), built here and nowhere else.
 *
 * <p>Two hash tags, so that each write touches one Redis Cluster slot:
 * <ul>
 *   <li>{@code visit:{<ref>}} (hash: the case's fields) and {@code visit:{<ref>}:history} (list of JSON steps) share
 *       the reference as hash tag: a status change and its history step are one atomic Lua call, and cases spread
 *       over the cluster.</li>
 *   <li>{@code {visit}:nid:<id>}, {@code {visit}:msisdn:<e164>}, {@code {visit}:queue:<partition>:<STATUS>} (sorted
 *       sets of references scored by creation time) and {@code {visit}:idem:<key>} (string: the reference filed for
 *       that idempotency key) share the kind as hash tag: moving a case between queues is one atomic call, and a
 *       queue across regions is read in one call.</li>
 * </ul>
 * The case and its indexes are therefore written in two steps; see {@link RedisCaseStore} for why that is safe.
 */
public final class CaseKeys {
    private final String kind;

    /** {@code kind}: lower-case letters, e.g. {@code visit}. */
    public CaseKeys(String kind) {
        if (kind == null || !kind.matches("[a-z]+")) {
            throw new IllegalArgumentException("case kind: " + kind + " (expected: lower-case letters, e.g. visit)");
        }
        this.kind = kind;
    }

    public String kind() {
        return kind;
    }

    public String record(Reference reference) {
        return kind + ":{" + reference.value() + "}";
    }

    public String history(Reference reference) {
        return record(reference) + ":history";
    }

    public String idempotency(String key) {
        return index() + ":idem:" + key;
    }

    public String person(NationalId person) {
        return index() + ":nid:" + person.value();
    }

    public String mobile(Mobile mobile) {
        return index() + ":msisdn:" + mobile.e164();
    }

    /** The work queue of a partition (a region's name) in a status. */
    public String queue(String partition, String status) {
        return index() + ":queue:" + partition + ":" + status.toUpperCase(Locale.ROOT);
    }

    private String index() {
        return "{" + kind + "}";
    }
}
