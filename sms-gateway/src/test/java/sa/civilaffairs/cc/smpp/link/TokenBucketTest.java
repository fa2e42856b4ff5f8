package sa.civilaffairs.cc.smpp.link;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
    @Test
    void pacesToTheRateAfterTheBurst() {
        TokenBucket bucket = new TokenBucket(200);
        long t0 = System.nanoTime();
        for (int i = 0; i < 120; i++) {
            assertTrue(bucket.acquire());
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // 20 tokens of burst, then 100 at 200/s: half a second at least
        assertTrue(seconds >= 0.45, "took " + seconds);
    }
}
