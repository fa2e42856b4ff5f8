package sa.civilaffairs.cc.reference.redis;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.reference.ReferenceKind;
import sa.civilaffairs.cc.reference.References;

/**
 * References from one Redis counter per kind, passed through a keyed permutation of the 7-digit space: a four-round
 * Feistel network over 24 bits with HMAC-SHA256 rounds, cycle-walked into [0, 10^7). A citizen who holds one
 * reference — or many — cannot tell which numbers were handed out before or will be after, while every counter value
 * still maps to a different reference until the kind's ten million are used. The key is made once at random and kept
 * in Redis ({@code {ref}:secret}), so every instance of every module hands out from the same permutation.
 */
public final class RedisReferences implements References {
    private static final long SPACE = 10_000_000L;
    private static final int HALF_BITS = 12;
    private static final int HALF_MASK = (1 << HALF_BITS) - 1;
    private static final int ROUNDS = 4;
    static final String SECRET_KEY = "{ref}:secret";

    private final UnifiedJedis redis;
    private final ThreadLocal<Mac> rounds;

    public RedisReferences(UnifiedJedis redis) {
        this.redis = redis;
        byte[] secret = sharedSecret(redis);
        this.rounds = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret, "HmacSHA256"));
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
            }
        });
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

    private Reference of(ReferenceKind kind, long n) {
        if (n >= SPACE) {
            throw new IllegalStateException("reference space exhausted for " + kind);
        }
        return Reference.of(kind, sevenDigits(permute(kind, (int) n)));
    }

    private static String sevenDigits(int value) {
        String digits = Integer.toString(value);
        return "0000000".substring(digits.length()) + digits;
    }

    /** A bijection of [0, 10^7): the Feistel permutation of [0, 2^24) applied until the value falls back in range. */
    int permute(ReferenceKind kind, int value) {
        int x = value;
        do {
            x = feistel(kind, x);
        } while (x >= SPACE);
        return x;
    }

    private int feistel(ReferenceKind kind, int x) {
        int left = x >>> HALF_BITS;
        int right = x & HALF_MASK;
        Mac mac = rounds.get();
        for (int round = 0; round < ROUNDS; round++) {
            byte[] digest = mac.doFinal(ByteBuffer.allocate(6).put((byte) kind.digit()).put((byte) round)
                    .putInt(right).array());
            int f = ((digest[0] & 0xFF) << 8 | (digest[1] & 0xFF)) & HALF_MASK;
            int next = left ^ f;
            left = right;
            right = next;
        }
        return left << HALF_BITS | right;
    }

    private static byte[] sharedSecret(UnifiedJedis redis) {
        byte[] candidate = new byte[32];
        new SecureRandom().nextBytes(candidate);
        redis.set(SECRET_KEY, HexFormat.of().formatHex(candidate), SetParams.setParams().nx());
        return HexFormat.of().parseHex(redis.get(SECRET_KEY));
    }
}
