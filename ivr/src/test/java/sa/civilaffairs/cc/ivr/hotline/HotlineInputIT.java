package sa.civilaffairs.cc.ivr.hotline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.ivr.agidouble.AgiCommandLine;
import sa.civilaffairs.cc.ivr.agidouble.CallRecord;
import sa.civilaffairs.cc.ivr.agidouble.Caller;
import sa.civilaffairs.cc.ivr.agidouble.Move;
import sa.civilaffairs.cc.ivr.agidouble.ScriptedCaller;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/** Wrong and slow input at each step of a booking, and an office that fills up while the caller chooses. */
@ExtendWith(RedisExtension.class)
class HotlineInputIT {

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

    private static ScriptedCaller upTo(int answers) {
        ScriptedCaller caller = ScriptedCaller.script();
        KEYS.subList(0, answers).forEach(caller::press);
        return caller;
    }

    @ParameterizedTest(name = "three wrong keys after {0} answers")
    @ValueSource(ints = {1, 3, 4, 5, 6, 7, 8})
    void threeWrongEntriesAtAnyMenuGoToAnAgent(int answers) {
        CallRecord call = rig.call(HotlineBookingIT.ABDULLAH_MOBILE, upTo(answers).press("#").press("#").press("#"));
        List<String> said = HotlineRig.said(call);
        assertEquals(3, said.stream().filter(s -> s.endsWith(":invalid-choice")).count(), said.toString());
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals(0, rig.liveHolds());
    }

    @ParameterizedTest(name = "silence after {0} answers")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void silenceAtAnyStepRepeatsTwiceThenGoesToAnAgent(int answers) {
        CallRecord call = rig.call(HotlineBookingIT.ABDULLAH_MOBILE, upTo(answers).silence(3));
        List<String> said = HotlineRig.said(call);
        assertEquals(2, said.stream().filter(s -> s.endsWith(":no-input")).count(), said.toString());
        assertEquals("queue-ar", call.variables().get("CC_NEXT"));
        assertEquals(answers >= 3 ? "1000000016" : "", call.variables().get("__CC_NID"));
        assertEquals(0, rig.liveHolds());
    }

    @Test
    void theOfficeFillsUpWhileTheCallerChoosesTheDay() {
        OfficeId malaz = HotlineRig.CATALOGUE.offering(CivilService.ID_RENEWAL,
                sa.civilaffairs.cc.office.Region.RIYADH, Section.MEN).get(0).id();
        LocalDate today = LocalDate.of(2026, 12, 6);
        ScriptedCaller script = upTo(5).press("1").press("1").press("1").press("1").press("1");
        Caller caller = new Caller() {
            private boolean dayMenu;
            private boolean filled;

            @Override
            public Move next(Kind kind, AgiCommandLine command) {
                if (command.arg(0).endsWith("/choose-day")) {
                    dayMenu = true;
                }
                if (dayMenu && kind == Kind.READ && !filled) {
                    filled = true;
                    fill(malaz, today); // another channel takes every place of today meanwhile
                }
                return script.next(kind, command);
            }
        };
        CallRecord call = rig.call(HotlineBookingIT.ABDULLAH_MOBILE, caller);
        List<String> said = HotlineRig.said(call);
        assertTrue(said.contains("ar:slot-taken"), said.toString());
        assertEquals(2, said.stream().filter("ar:choose-day"::equals).count(), said.toString());
        var booked = rig.book.of(HotlineBookingIT.ABDULLAH);
        assertEquals(1, booked.size());
        assertTrue(booked.get(0).slot().date().isAfter(today), "booked on a later day: " + booked.get(0).slot());
    }

    private void fill(OfficeId office, LocalDate day) {
        int n = 0;
        for (FreeSlot free : rig.book.freeSlots(office, Section.MEN, CivilService.ID_RENEWAL, day)) {
            for (int i = 0; i < free.free(); i++) {
                String nine = String.format("10%07d", 7000 + n++);
                rig.book.book(new BookingRequest(new SlotKey(office, Section.MEN, CivilService.ID_RENEWAL, day,
                        free.start()), new NationalId(nine + NationalId.luhnCheckDigit(nine)), Optional.empty(),
                        Channel.CONSOLE, "fill-" + n));
            }
        }
        assertEquals(List.of(), rig.book.freeSlots(office, Section.MEN, CivilService.ID_RENEWAL, day));
    }
}
