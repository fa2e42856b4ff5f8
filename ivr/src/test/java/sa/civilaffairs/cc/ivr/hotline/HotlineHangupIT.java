package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.testkit.LogCapture;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * A hang-up at every step of a booking, in each way Asterisk shows it: {@code -1} on the read under way then
 * {@code HANGUP}/{@code 511}, a hang-up during whatever command comes next, and a dropped socket. Nothing stays held,
 * nothing is booked, and the call logs where it ended.
 */
@ExtendWith(RedisExtension.class)
class HotlineHangupIT {

    private static final List<String> KEYS = HotlineBookingIT.keysToConfirmation();

    private static RegistryDouble registry;
    private HotlineRig rig;

    @BeforeAll
    static void registry() {
        registry = RegistryDouble.start();
        registry.stubDemoPeople();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void start(RedisHandle redis) {
        rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    enum Way { HANG_UP_WHILE_READING, HANG_UP_NEXT_COMMAND, DROP_SOCKET }

    static Stream<Arguments> everyStep() {
        return Stream.of(Way.values()).flatMap(way -> IntStream.rangeClosed(0, KEYS.size())
                .mapToObj(n -> Arguments.of(way, n)));
    }

    @ParameterizedTest(name = "{0} after {1} answers")
    @MethodSource("everyStep")
    void aHangUpLeavesNothingHeldOrHalfBooked(Way way, int answers) {
        ScriptedCaller caller = ScriptedCaller.script();
        KEYS.subList(0, answers).forEach(caller::press);
        switch (way) {
            case HANG_UP_WHILE_READING -> caller.hangUp();
            case HANG_UP_NEXT_COMMAND -> caller.hangUpNow();
            case DROP_SOCKET -> caller.dropSocket();
        }
        CallRecord call;
        try (LogCapture logs = LogCapture.of(HotlineScript.class)) {
            call = rig.call(HotlineBookingIT.ABDULLAH_MOBILE, caller);
            awaitNoCalls();
            List<String> lines = logs.messages("INFO");
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("call " + call.uniqueId() + " ended at ")
                    && l.contains("caller hung up")), lines.toString());
        }
        assertEquals(way == Way.DROP_SOCKET ? CallRecord.End.DROPPED : CallRecord.End.CALLER_HUNG_UP, call.end());
        assertEquals(0, rig.liveHolds(), "a slot stayed held");
        assertEquals(List.of(), rig.book.of(HotlineBookingIT.ABDULLAH), "an appointment was made");
        assertEquals(List.of(), rig.notifications());
        if (way != Way.DROP_SOCKET) {
            // after the hang-up the IVR stops at the first 511; only Asterisk-Java's own status variable follows
            List<String> after = call.exchanges().stream().dropWhile(e -> !e.answer().contains("HANGUP"))
                    .skip(1).map(CallRecord.Exchange::command).toList();
            assertTrue(after.stream().allMatch(c -> c.startsWith("SET VARIABLE \"AJ_AGISTATUS\"")),
                    "commands after HANGUP: " + after);
        }
    }

    /** The IVR notices a dropped socket on its own thread; wait (bounded) until it has finished the call. */
    private void awaitNoCalls() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (rig.server.activeCalls() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        assertEquals(0, rig.server.activeCalls(), "the call is still running");
    }
}
