package sa.civilaffairs.cc.dialog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.booking.BookingRequest;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.OfficeId;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.office.SlotCalendar;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.text.Language;

/** The reusable choice flow (SMS menus, IVR menus) on the shipped catalogue and the Redis book. */
@ExtendWith(RedisExtension.class)
class SlotChoicesIT {
    private DialogRig rig;
    private SlotChoices choices;

    @BeforeEach
    void start(RedisHandle redis) {
        rig = new DialogRig(redis.client());
        choices = new SlotChoices(DialogRig.CATALOGUE, rig.dialogs.book(), rig.clock);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void eachStepOffersOnlyWhatTheEarlierChoicesAllow() {
        SlotSelection s = SlotSelection.start(new NationalId("1000000099"), Section.MEN);
        List<Choice> services = choices.options(ChoiceStep.SERVICE, s);
        assertEquals(CivilService.values().length, services.size());
        assertEquals("ID card renewal", services.get(1).label(Language.EN));
        s = s.with(ChoiceStep.SERVICE, CivilService.DEATH_REGISTRATION.name());
        s = s.with(ChoiceStep.REGION, choices.options(ChoiceStep.REGION, s).get(0).key());
        for (Choice office : choices.options(ChoiceStep.OFFICE, s)) {
            assertTrue(DialogRig.CATALOGUE.offer(new OfficeId(office.key()), Section.MEN,
                    CivilService.DEATH_REGISTRATION).isPresent(), office.key());
        }
        s = s.with(ChoiceStep.OFFICE, choices.options(ChoiceStep.OFFICE, s).get(0).key());
        List<Choice> days = choices.options(ChoiceStep.DAY, s);
        assertEquals(SlotChoices.DAYS_OFFERED, days.size());
        assertTrue(days.get(0).label(Language.AR).contains("("), days.get(0).label(Language.AR));
    }

    @Test
    void aFullDayIsNotOffered() {
        SlotSelection s = SlotSelection.start(new NationalId("1000000099"), Section.MEN)
                .with(ChoiceStep.SERVICE, CivilService.ID_RENEWAL.name()).with(ChoiceStep.REGION, "RIYADH");
        s = s.with(ChoiceStep.OFFICE, choices.options(ChoiceStep.OFFICE, s).get(0).key());
        LocalDate first = LocalDate.parse(choices.options(ChoiceStep.DAY, s).get(0).key());
        SlotSelection day = s.with(ChoiceStep.DAY, first.toString());
        SlotCalendar calendar = new SlotCalendar(DialogRig.CATALOGUE);
        int n = 0;
        for (Choice time : choices.options(ChoiceStep.TIME, day)) {
            SlotKey slot = day.with(ChoiceStep.TIME, time.key()).slot().orElseThrow();
            for (int i = 0; i < calendar.capacity(slot).orElseThrow(); i++) {
                rig.dialogs.book().book(new BookingRequest(slot, person(n++), Optional.empty(), Channel.CONSOLE,
                        "fill-" + n));
            }
        }
        assertTrue(choices.options(ChoiceStep.TIME, day).isEmpty());
        assertFalse(choices.options(ChoiceStep.DAY, s).stream().anyMatch(c -> c.key().equals(first.toString())));
    }

    private static NationalId person(int n) {
        String body = "19" + String.format("%07d", n);
        return new NationalId(body + NationalId.luhnCheckDigit(body));
    }
}
