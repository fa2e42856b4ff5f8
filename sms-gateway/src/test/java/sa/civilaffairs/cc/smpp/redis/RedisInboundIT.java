package sa.civilaffairs.cc.smpp.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.smpp.inbound.MoPart;
import sa.civilaffairs.cc.smpp.redis.RedisInbound.Outcome;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/** The retransmission rules of {@link RedisInbound} against a real Redis, sessions named by the test. */
@ExtendWith(RedisExtension.class)
class RedisInboundIT {
    private static final String CITIZEN = "966501234567";
    private static final Duration ECHO = Duration.ofMillis(100);

    private UnifiedJedis redis;
    private RedisInbound inbound;

    @BeforeEach
    void start(RedisHandle handle) {
        redis = handle.client();
        inbound = new RedisInbound(redis, Duration.ofSeconds(60), ECHO, Duration.ofHours(1));
    }

    private static MoPart one(String smscId) {
        return single("fp-one-" + smscId, smscId);
    }

    private static MoPart single(String fingerprint, String smscId) {
        return new MoPart(CITIZEN, "77799", "1", 0, 1, 1, smscId, fingerprint, (byte) 0,
                "1".getBytes(StandardCharsets.US_ASCII));
    }

    private long now() {
        return (Long) redis.eval("local t = redis.call('TIME') return t[1] * 1000 + math.floor(t[2] / 1000)");
    }

    /** Waits, by Redis's clock, until the echo window since the last copy of {@code part} has passed. */
    private void awaitPastEcho(MoPart part) {
        String marker = SmsKeys.moCopy(part.fingerprint());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (now() - Long.parseLong(redis.hget(marker, "t")) <= ECHO.toMillis()) {
            assertTrue(System.nanoTime() < deadline, "echo window never passed");
            LockSupport.parkNanos(5_000_000);
        }
    }

    private long stored() {
        return redis.xlen(SmsKeys.INBOUND);
    }

    @Test
    void sameSessionPastTheEchoIsANewMessageWithinItARetransmission() {
        MoPart one = one("");
        assertEquals(Outcome.STORED, inbound.store(one, "a#1", Instant.now(), false));
        assertEquals(Outcome.DUPLICATE, inbound.store(one, "a#1", Instant.now(), false));
        awaitPastEcho(one);
        assertEquals(Outcome.STORED, inbound.store(one, "a#1", Instant.now(), false));
        assertEquals(2, stored());
    }

    @Test
    void anotherSessionIsARetransmissionAndTheMarkerMovesToIt() {
        MoPart one = one("");
        assertEquals(Outcome.STORED, inbound.store(one, "a#1", Instant.now(), false));
        awaitPastEcho(one);
        assertEquals(Outcome.DUPLICATE, inbound.store(one, "a#2", Instant.now(), false));
        awaitPastEcho(one);
        assertEquals(Outcome.STORED, inbound.store(one, "a#2", Instant.now(), false));
        assertEquals(2, stored());
    }

    @Test
    void aLateRespMakesTheSameSessionCopyARetransmissionForTheWholeWindow() {
        MoPart one = one("");
        assertEquals(Outcome.STORED, inbound.store(one, "a#1", Instant.now(), false));
        inbound.markLate(one);
        awaitPastEcho(one);
        assertEquals(Outcome.DUPLICATE, inbound.store(one, "a#1", Instant.now(), false));
        // the resent copy was answered in time: the citizen's next "1" is his
        awaitPastEcho(one);
        assertEquals(Outcome.STORED, inbound.store(one, "a#1", Instant.now(), false));
        // already late before storing: marked at once
        MoPart two = single("fp-two", "");
        assertEquals(Outcome.STORED, inbound.store(two, "a#1", Instant.now(), true));
        awaitPastEcho(two);
        assertEquals(Outcome.DUPLICATE, inbound.store(two, "a#1", Instant.now(), false));
        assertEquals(3, stored());
    }

    @Test
    void anSmscIdDedupesExactlyWhateverTheSessionAndTime() {
        MoPart withId = one("4711");
        assertEquals(Outcome.STORED, inbound.store(withId, "a#1", Instant.now(), false));
        awaitPastEcho(withId);
        assertEquals(Outcome.DUPLICATE, inbound.store(withId, "a#1", Instant.now(), false));
        assertEquals(Outcome.STORED, inbound.store(one("4712"), "a#1", Instant.now(), false));
        assertEquals(2, stored());
    }

    @Test
    void aLongMessageResentPartByPartAfterARebindIsStoredOnce() {
        MoPart p1 = new MoPart(CITIZEN, "77799", "ab", 9, 2, 1, "", "fp-p1", (byte) 0, "ab".getBytes());
        MoPart p2 = new MoPart(CITIZEN, "77799", "cd", 9, 2, 2, "", "fp-p2", (byte) 0, "cd".getBytes());
        assertEquals(Outcome.PARTIAL, inbound.store(p2, "a#1", Instant.now(), false));
        assertEquals(Outcome.STORED, inbound.store(p1, "a#1", Instant.now(), false));
        String done = SmsKeys.moDone(CITIZEN, "77799", 9, 2);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (now() - Long.parseLong(redis.hget(done, "t")) <= ECHO.toMillis()) {
            assertTrue(System.nanoTime() < deadline, "echo window never passed");
            LockSupport.parkNanos(5_000_000);
        }
        assertEquals(Outcome.DUPLICATE, inbound.store(p1, "a#2", Instant.now(), false));
        assertEquals(Outcome.DUPLICATE, inbound.store(p2, "a#2", Instant.now(), false));
        assertEquals(1, stored());
    }
}
