package sa.civilaffairs.cc.ivr.agi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandTimesTest {

    @Test
    void quantilesAreTheUpperBoundsOfTheirBuckets() {
        CommandTimes t = new CommandTimes();
        for (int i = 0; i < 98; i++) {
            t.record(55_000); // 0.055 ms
        }
        t.record(3_450_000); // 3.45 ms
        t.record(1_995_000_000L); // 1.995 s
        assertEquals(100, t.count());
        assertEquals(0.06, t.quantileMillis(0.5), 1e-9);
        assertEquals(3.5, t.quantileMillis(0.99), 1e-9);
        assertEquals(2000.0, t.quantileMillis(1.0), 1e-9);
        t.reset();
        assertEquals(0, t.count());
    }
}
