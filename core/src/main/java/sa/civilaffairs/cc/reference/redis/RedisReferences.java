package sa.civilaffairs.cc.reference.redis;

import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * References from one Redis counter per kind. The counter is spread over the 7-digit space by an affine bijection
 * (multiply by a number coprime to 10, add an offset, modulo 10^7), so consecutive references do not sit next to each
 * other and cannot be guessed from one's own, while staying unique until the space of ten million per kind is used.
 */
public final class RedisReferences implements References {
    private static final long SPACE = 10_000_000L;
    private static final long MULTIPLIER = 7_654_321L; // odd and not a multiple of 5: coprime to 10^7
    private static final long OFFSET = 1_234_567L;

    private final UnifiedJedis redis;

    public RedisReferences(UnifiedJedis redis) {
        this.redis = redis;
    }

    static String key(ReferenceKind kind) {
        return "{ref}:seq:" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Reference next(ReferenceKind kind) {
        return of(kind, redis.incr(key(kind)));
    }

    /** One INCRBY for the whole block. */
    @Override
    public java.util.List<Reference> next(ReferenceKind kind, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("reference block of " + count + " (expected: at least 1)");
        }
        long last = redis.incrBy(key(kind), count);
        java.util.List<Reference> block = new java.util.ArrayList<>(count);
        for (long n = last - count + 1; n <= last; n++) {
            block.add(of(kind, n));
        }
        return block;
    }

    private static Reference of(ReferenceKind kind, long n) {
        if (n >= SPACE) {
            throw new IllegalStateException("reference space exhausted for " + kind);
        }
        long body = Math.floorMod(Math.multiplyExact(n, MULTIPLIER) + OFFSET, SPACE);
        return Reference.of(kind, String.format("%07d", body));
    }
}
