package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.agidouble.AgiCommandLine;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.CallSetup;
import sa.civilaffairs.cc.ivr.agidouble.Caller;
import sa.civilaffairs.cc.ivr.agidouble.Move;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/** The FastAGI server itself: who may connect, how many calls at once, unknown scripts. */
@ExtendWith(RedisExtension.class)
class HotlineServerIT {

    private static RegistryDouble registry;

    @BeforeAll
    static void registry() {
        registry = RegistryDouble.start();
        registry.stubDemoPeople();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @Test
    void refusesAHostThatIsNotAllowed(RedisHandle redis) {
        try (HotlineRig rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK)) {
            CallRecord call = rig.call(CallSetup.hotline("0500000101", 1).from("127.0.0.2"),
                    ScriptedCaller.script().press("1"));
            assertEquals(CallRecord.End.REFUSED, call.end());
            assertEquals(List.of(), call.exchanges());
            assertEquals(1, rig.server.refusedHosts());
            // the allowed host still gets through
            assertEquals(CallRecord.End.CALLER_HUNG_UP, rig.call("0500000101", ScriptedCaller.script()).end());
        }
    }

    @Test
    void anUnknownScriptIsRefusedPolitely(RedisHandle redis) {
        try (HotlineRig rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK)) {
            CallRecord call = rig.call(CallSetup.hotline("0500000101", 2).script("nosuch"), ScriptedCaller.script());
            assertEquals(CallRecord.End.IVR_CLOSED, call.end());
            assertEquals("NOT_FOUND", call.variables().get("AJ_AGISTATUS"));
        }
    }

    /** A caller that keeps the line busy (at the first read) until released. */
    private static final class WaitingCaller implements Caller {
        final CountDownLatch reached;
        final CountDownLatch release;

        WaitingCaller(CountDownLatch reached, CountDownLatch release) {
            this.reached = reached;
            this.release = release;
        }

        @Override
        public Move next(Kind kind, AgiCommandLine command) {
            if (kind != Kind.READ) {
                return Move.NOTHING;
            }
            reached.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Move.HangUp();
        }
    }

    @Test
    void aCallBeyondMaxCallsIsRefusedAtOnceNotQueued(RedisHandle redis) throws Exception {
        try (HotlineRig rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK,
                Map.of("IVR_MAX_CALLS", "2"));
             var pool = new AutoClosingPool(Executors.newFixedThreadPool(2))) {
            CountDownLatch reached = new CountDownLatch(2);
            CountDownLatch release = new CountDownLatch(1);
            List<Future<CallRecord>> busy = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                busy.add(pool.executor.submit(() -> rig.call("0500000101", new WaitingCaller(reached, release))));
            }
            assertTrue(reached.await(10, TimeUnit.SECONDS));
            CallRecord third = rig.call("0500000101", ScriptedCaller.script().press("1"));
            assertEquals(CallRecord.End.REFUSED, third.end());
            assertEquals(1, rig.server.refusedFull());
            release.countDown();
            for (Future<CallRecord> f : busy) {
                assertEquals(CallRecord.End.CALLER_HUNG_UP, f.get(10, TimeUnit.SECONDS).end());
            }
        }
    }

    @Test
    void twoHundredSimultaneousCallsAreAllServed(RedisHandle redis) throws Exception {
        int calls = 200;
        try (HotlineRig rig = new HotlineRig(redis.client(), registry.settings(), HotlineBookingIT.CLOCK);
             var pool = new AutoClosingPool(Executors.newFixedThreadPool(calls))) {
            // every caller asks for the status of one appointment, all at the same moment
            BookingOutcome booked = rig.book.book(new BookingRequest(new SlotKey(new OfficeId("RUH-01"), Section.MEN,
                    CivilService.ID_RENEWAL, java.time.LocalDate.of(2026, 12, 7), java.time.LocalTime.of(10, 0)),
                    new NationalId("1000000040"), java.util.Optional.empty(), Channel.CONSOLE, "seed"));
            String ref = ((BookingOutcome.Booked) booked).appointment().reference().value();
            CountDownLatch start = new CountDownLatch(1);
            List<Future<CallRecord>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(pool.executor.submit(() -> {
                    start.await();
                    return rig.call("0500000104", ScriptedCaller.script().press("1").press("5").press(ref + "#"));
                }));
            }
            start.countDown();
            int served = 0;
            for (Future<CallRecord> f : results) {
                CallRecord r = f.get(60, TimeUnit.SECONDS);
                if (r.end() == CallRecord.End.IVR_CLOSED && HotlineRig.said(r).contains("ar:status-appointment-booked")) {
                    served++;
                }
            }
            assertEquals(calls, served);
            assertEquals(0, rig.server.refusedFull());
        }
    }

    private record AutoClosingPool(ExecutorService executor) implements AutoCloseable {
        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
