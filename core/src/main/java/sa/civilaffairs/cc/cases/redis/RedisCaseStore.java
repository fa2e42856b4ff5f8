package sa.civilaffairs.cc.cases.redis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.ZRangeParams;
import sa.civilaffairs.cc.cases.CaseException;
import sa.civilaffairs.cc.cases.CaseStatus;
import sa.civilaffairs.cc.cases.CaseStep;
import sa.civilaffairs.cc.cases.UnknownCaseException;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.redis.LuaScript;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * The Redis storage shared by visit requests, tickets and lost reports: one kind of case per instance, laid out by
 * its {@link CaseCodec} under {@link CaseKeys}. Thread-safe; every call blocks on Redis.
 *
 * <p><b>Atomicity.</b> A case (hash + history list) lives in the slot of its reference, its indexes in the slot of its
 * kind, so no single Redis call may write both on a cluster. Each write is therefore two atomic steps, case first:
 * <ol>
 *   <li>{@code create.lua} / {@code change.lua} on the case: the fields, the status and the history step together,
 *       or nothing (a change is a compare-and-set on the history length, so two agents never both "win" one step);</li>
 *   <li>{@code reindex.lua} on the indexes: out of the old queue, into the new one, and the person and mobile sets.</li>
 * </ol>
 * The case is the truth, the indexes are a cache of it that can be repaired: if the process dies between the steps,
 * a retried create (same idempotency key) files the indexes again; a case left in an old queue is noticed by
 * {@link #queue} (it reads each case and compares) and moved to the right queue on the spot. A person or mobile
 * index is only ever added to, so a lost add is repaired by the retry; a case is never written to the indexes
 * before it exists.
 *
 * @param <C> the case record
 * @param <S> its status enum
 */
public final class RedisCaseStore<C, S extends Enum<S> & CaseStatus<S>> {
    /** How long an idempotency key remembers its reference: longer than any client retries. */
    static final long IDEMPOTENCY_SECONDS = 7L * 24 * 3600;
    /** At most this many cases per person or mobile are listed, newest first. */
    public static final int MAX_LISTED = 100;
    private static final int CHANGE_ATTEMPTS = 5;

    private static final LuaScript CREATE = LuaScript.load(RedisCaseStore.class, "create.lua");
    private static final LuaScript CHANGE = LuaScript.load(RedisCaseStore.class, "change.lua");
    private static final LuaScript READ = LuaScript.load(RedisCaseStore.class, "read.lua");
    private static final LuaScript REINDEX = LuaScript.load(RedisCaseStore.class, "reindex.lua");
    private static final LuaScript HEADS = LuaScript.load(RedisCaseStore.class, "heads.lua");

    private final UnifiedJedis redis;
    private final CaseKeys keys;
    private final CaseCodec<C, S> codec;
    private final References references;
    private final ReferenceKind referenceKind;

    public RedisCaseStore(UnifiedJedis redis, CaseKeys keys, CaseCodec<C, S> codec, References references,
                          ReferenceKind referenceKind) {
        this.redis = redis;
        this.keys = keys;
        this.codec = codec;
        this.references = references;
        this.referenceKind = referenceKind;
    }

    /** A case as returned by {@link #create}: {@code fresh} is false when the idempotency key had filed it before. */
    public record Created<C>(C kase, boolean fresh) {
    }

    /**
     * Files the case that {@code build} makes for a new reference, once per {@code idempotencyKey}: a retry with the
     * same key gets the case filed first (and repairs its indexes).
     */
    public Created<C> create(String idempotencyKey, Function<Reference, C> build) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("idempotency key: " + idempotencyKey
                    + " (expected: 1-200 characters, one per attempt)");
        }
        Reference reference = referenceFor(idempotencyKey);
        C built = build.apply(reference);
        Object created = CREATE.run(redis, caseKeys(reference),
                withFields(List.of(StepJson.write(codec.history(built).get(0))), codec.fields(built)));
        boolean fresh = Long.valueOf(1).equals(created);
        C stored = fresh ? built : find(reference).orElseThrow(() -> new UnknownCaseException(reference));
        file(Optional.empty(), codec.index(stored), reference);
        return new Created<>(stored, fresh);
    }

    /**
     * Applies {@code next} to the current case and writes the result if nobody changed the case meanwhile (else reads
     * again and retries a few times). {@code next} returns the case with exactly one history step appended, or throws
     * (an illegal transition), in which case nothing is written.
     *
     * @throws UnknownCaseException when there is no such case
     */
    public C change(Reference reference, UnaryOperator<C> next) {
        for (int attempt = 0; attempt < CHANGE_ATTEMPTS; attempt++) {
            C current = find(reference).orElseThrow(() -> new UnknownCaseException(reference));
            C changed = next.apply(current);
            List<CaseStep<S>> before = codec.history(current);
            List<CaseStep<S>> after = codec.history(changed);
            if (after.size() != before.size() + 1) {
                throw new IllegalStateException("a change appends exactly one step (had " + before.size()
                        + ", got " + after.size() + ")");
            }
            Map<String, String> delta = new LinkedHashMap<>(codec.fields(changed));
            codec.fields(current).forEach((k, v) -> delta.remove(k, v));
            List<String> head = List.of(Integer.toString(before.size()), StepJson.write(after.get(after.size() - 1)));
            Object applied = CHANGE.run(redis, caseKeys(reference),
                    withFields(head, delta));
            long result = ((Number) applied).longValue();
            if (result == -1) {
                throw new UnknownCaseException(reference);
            }
            if (result == 1) {
                file(Optional.of(codec.index(current)), codec.index(changed), reference);
                return changed;
            }
        }
        throw new CaseException(reference + ": changed by others " + CHANGE_ATTEMPTS
                + " times while this change was made (expected: try again)");
    }

    public Optional<C> find(Reference reference) {
        return decode(READ.run(redis, caseKeys(reference), List.of()));
    }

    /** The cases of {@code references} in that order, absent ones left out; one pipelined round trip. */
    public List<C> findAll(List<Reference> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<Response<Object>> answers = new ArrayList<>(references.size());
        try (AbstractPipeline pipeline = redis.pipelined()) {
            for (Reference reference : references) {
                answers.add(READ.queue(pipeline, caseKeys(reference), List.of()));
            }
            pipeline.sync();
        }
        List<C> found = new ArrayList<>(references.size());
        for (int i = 0; i < references.size(); i++) {
            decode(READ.answer(answers.get(i), redis, caseKeys(references.get(i)), List.of())).ifPresent(found::add);
        }
        return found;
    }

    private List<String> caseKeys(Reference reference) {
        return List.of(keys.record(reference), keys.history(reference));
    }

    private Optional<C> decode(Object answer) {
        List<?> both = (List<?>) answer;
        List<?> flat = (List<?>) both.get(0);
        if (flat.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(text(flat.get(i)), text(flat.get(i + 1)));
        }
        List<CaseStep<S>> history = new ArrayList<>();
        for (Object step : (List<?>) both.get(1)) {
            history.add(StepJson.read(text(step), codec.statusType()));
        }
        return Optional.of(codec.decode(fields, history));
    }

    /** The cases of the person, newest first. */
    public List<C> of(NationalId person) {
        return listed(keys.person(person));
    }

    /** The cases whose contact is {@code mobile}, newest first. */
    public List<C> byMobile(Mobile mobile) {
        return listed(keys.mobile(mobile));
    }

    /** The cases filed under an index key ({@link CaseKeys#person}, {@link CaseKeys#mobile}), newest first. */
    public List<C> listed(String indexKey) {
        return findAll(redis.zrange(indexKey, ZRangeParams.zrangeParams(0, MAX_LISTED - 1).rev()).stream()
                .map(Reference::new).toList());
    }

    /**
     * The work queue by region: {@link #queue(Collection, Collection, int)} of the region (every region when empty) in
     * the status (every status that is not {@link CaseStatus#terminal()} when empty).
     */
    public List<C> queue(Optional<Region> region, Optional<S> status, int limit) {
        List<String> partitions = region.map(r -> List.of(r.name()))
                .orElseGet(() -> Arrays.stream(Region.values()).map(Region::name).toList());
        List<S> statuses = status.map(List::of).orElseGet(() -> Arrays.stream(codec.statusType().getEnumConstants())
                .filter(s -> !s.terminal()).toList());
        return queue(partitions, statuses, limit);
    }

    /**
     * The oldest {@code limit} cases of the partitions in the statuses, oldest first. Entries whose case has moved on
     * (a change whose re-indexing was cut short) are re-filed where they belong and left out.
     */
    public List<C> queue(Collection<String> partitions, Collection<S> statuses, int limit) {
        if (limit <= 0 || partitions.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        List<String> queueKeys = new ArrayList<>();
        for (String partition : partitions) {
            for (S status : statuses) {
                queueKeys.add(keys.queue(partition, status.name()));
            }
        }
        List<?> flat = (List<?>) HEADS.run(redis, queueKeys, List.of(Integer.toString(limit)));
        record Head(String member, double score) {
        }
        List<Head> heads = new ArrayList<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            heads.add(new Head(text(flat.get(i)), Double.parseDouble(text(flat.get(i + 1)))));
        }
        heads.sort(Comparator.comparingDouble(Head::score).thenComparing(Head::member));
        List<Reference> candidates = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Head head : heads) {
            if (seen.add(head.member())) {
                candidates.add(new Reference(head.member()));
            }
        }
        List<C> found = new ArrayList<>();
        int from = 0;
        while (found.size() < limit && from < candidates.size()) {
            // read only as many as still needed; stale entries (rare) cost another round
            int to = Math.min(candidates.size(), from + limit - found.size());
            for (C kase : findAll(candidates.subList(from, to))) {
                CaseIndex index = codec.index(kase);
                boolean belongs = index.partition().filter(partitions::contains).isPresent()
                        && statuses.stream().anyMatch(s -> s.name().equals(index.status()));
                if (belongs) {
                    found.add(kase);
                } else {
                    repairQueues(codec.reference(kase), index, partitions, statuses);
                }
            }
            from = to;
        }
        return found;
    }

    /** The reference filed for the idempotency key, or a new one claimed for it. */
    private Reference referenceFor(String idempotencyKey) {
        String key = keys.idempotency(idempotencyKey);
        String known = redis.get(key);
        if (known != null) {
            return new Reference(known);
        }
        Reference fresh = references.next(referenceKind);
        String set = redis.set(key, fresh.value(), SetParams.setParams().nx().ex(IDEMPOTENCY_SECONDS));
        if ("OK".equals(set)) {
            return fresh;
        }
        String winner = redis.get(key); // another attempt with the same key claimed it first
        if (winner == null) {
            throw new CaseException("idempotency key vanished while claimed (expected: retry)");
        }
        return new Reference(winner);
    }

    private void file(Optional<CaseIndex> before, CaseIndex after, Reference reference) {
        List<String> remove = new ArrayList<>();
        before.ifPresent(b -> b.partition().ifPresent(p -> remove.add(keys.queue(p, b.status()))));
        List<String> add = new ArrayList<>();
        after.partition().ifPresent(p -> add.add(keys.queue(p, after.status())));
        after.people().forEach(p -> add.add(keys.person(p)));
        after.mobile().ifPresent(m -> add.add(keys.mobile(m)));
        remove.removeAll(add);
        runReindex(remove, add, reference, after);
    }

    private void repairQueues(Reference reference, CaseIndex actual, Collection<String> partitions,
                              Collection<S> statuses) {
        List<String> remove = new ArrayList<>();
        for (String partition : partitions) {
            for (S status : statuses) {
                remove.add(keys.queue(partition, status.name()));
            }
        }
        List<String> add = new ArrayList<>();
        actual.partition().ifPresent(p -> add.add(keys.queue(p, actual.status())));
        remove.removeAll(add);
        runReindex(remove, add, reference, actual);
    }

    private void runReindex(List<String> remove, List<String> add, Reference reference, CaseIndex index) {
        List<String> all = new ArrayList<>(remove);
        all.addAll(add);
        if (all.isEmpty()) {
            return;
        }
        REINDEX.run(redis, all, List.of(Integer.toString(remove.size()), reference.value(),
                Long.toString(index.createdAt().toEpochMilli())));
    }

    private static List<String> withFields(List<String> head, Map<String, String> fields) {
        List<String> args = new ArrayList<>(head);
        fields.forEach((k, v) -> {
            args.add(k);
            args.add(v);
        });
        return args;
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(value);
    }
}
