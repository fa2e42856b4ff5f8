package sa.civilaffairs.cc.booking.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sa.civilaffairs.cc.booking.redis.BookFixture.MALAZ;
import static sa.civilaffairs.cc.booking.redis.BookFixture.MONDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.RENEWAL_CAPACITY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.TODAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.TUESDAY;
import static sa.civilaffairs.cc.booking.redis.BookFixture.booked;
import static sa.civilaffairs.cc.booking.redis.BookFixture.free;
import static sa.civilaffairs.cc.booking.redis.BookFixture.person;
import static sa.civilaffairs.cc.booking.redis.BookFixture.refusal;
import static sa.civilaffairs.cc.booking.redis.BookFixture.renewal;
import static sa.civilaffairs.cc.booking.redis.BookFixture.request;
import static sa.civilaffairs.cc.booking.redis.BookFixture.used;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.booking.Appointment;
import sa.civilaffairs.cc.booking.AppointmentStatus;
import sa.civilaffairs.cc.booking.BookingOutcome;
import sa.civilaffairs.cc.booking.BookingOutcome.Refusal;
import sa.civilaffairs.cc.booking.FreeSlot;
import sa.civilaffairs.cc.booking.Hold;
import sa.civilaffairs.cc.booking.SlotKey;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.DomainEvent;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.CivilService;
import sa.civilaffairs.cc.office.Section;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

@ExtendWith(RedisExtension.class)
class RedisAppointmentBookIT {

    @Test
    void aBookingTakesOnePlaceAndIsFoundByReferenceAndByPerson(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "09:30");
        NationalId person = person(1);

        Appointment appointment = booked(book.book(request(slot, person, "sms-1")));

        assertEquals(slot, appointment.slot());
        assertEquals(AppointmentStatus.BOOKED, appointment.status());
        assertEquals(BookFixture.CLOCK.instant(), appointment.bookedAt());
        assertEquals(Optional.of(appointment), book.find(appointment.reference()));
        assertEquals(List.of(appointment), book.of(person));
        assertEquals(List.of(), book.of(person(2)));
        assertEquals(RENEWAL_CAPACITY - 1, free(book, slot));
        assertEquals(1, used(redis.client(), slot));
    }

    @Test
    void aBookingIsAnnouncedWithoutPersonalData(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        NationalId person = person(1);
        Appointment appointment = booked(book.book(request(renewal(MONDAY, "09:30"), person, "sms-1")));

        List<DomainEvent> events = BookFixture.events(redis.client());

        assertEquals(1, events.size());
        DomainEvent event = events.get(0);
        assertEquals("appointment.booked", event.type());
        assertEquals(appointment.reference().value(), event.reference());
        assertEquals("RUH-01", event.attributes().get("office"));
        assertEquals("ID_RENEWAL", event.attributes().get("service"));
        assertEquals("2026-12-07", event.attributes().get("date"));
        assertEquals("09:30", event.attributes().get("time"));
        assertEquals("SMS", event.attributes().get("channel"));
        assertFalse(event.attributes().values().stream().anyMatch(v -> v.contains(person.value().substring(3))),
                "no national ID in the event");
    }

    @Test
    void freeSlotsListTheDayAndLeaveOutStartedSlots(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        List<LocalTime> starts = BookFixture.CALENDAR.starts(MALAZ, Section.MEN, CivilService.ID_RENEWAL, MONDAY);

        List<FreeSlot> monday = book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, MONDAY);
        List<FreeSlot> today = book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, TODAY);

        assertEquals(starts, monday.stream().map(FreeSlot::start).toList());
        assertTrue(monday.stream().allMatch(f -> f.free() == RENEWAL_CAPACITY));
        assertEquals(LocalTime.of(9, 10), today.get(0).start(), "09:00 has started at 09:00");
        assertEquals(List.of(), book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, TODAY.minusDays(1)));
        assertEquals(List.of(), book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, BookFixture.FRIDAY));
    }

    @Test
    void theSameIdempotencyKeyNeverBooksTwice(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "09:30");

        Appointment first = booked(book.book(request(slot, person(1), "sms-77")));
        Appointment retry = booked(book.book(request(slot, person(1), "sms-77")));

        assertEquals(first, retry);
        assertEquals(1, used(redis.client(), slot));
        assertEquals(1, book.of(person(1)).size());
        assertEquals(1, BookFixture.events(redis.client()).size());
    }

    @Test
    void aRefusalIsAlsoRepeatedForTheSameKey(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "09:30");
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            booked(book.book(request(slot, person(10 + i), "fill-" + i)));
        }
        assertEquals(Refusal.SLOT_FULL, refusal(book.book(request(slot, person(1), "k"))));
        book.cancel(book.of(person(10)).get(0).reference(), person(10), Channel.CONSOLE);

        assertEquals(Refusal.SLOT_FULL, refusal(book.book(request(slot, person(1), "k"))), "same key, same outcome");
        booked(book.book(request(slot, person(1), "k2")));
    }

    @Test
    void aPersonHasAtMostOneActiveAppointmentPerService(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        NationalId person = person(1);
        Appointment first = booked(book.book(request(renewal(MONDAY, "09:30"), person, "a")));

        BookingOutcome second = book.book(request(renewal(TUESDAY, "10:00"), person, "b"));
        Appointment other = booked(book.book(request(BookFixture.slot(CivilService.BIRTH_REGISTRATION, TUESDAY,
                "10:00"), person, "c")));

        assertEquals(new BookingOutcome.Refused(Refusal.ALREADY_BOOKED, Optional.of(first.reference())), second);
        assertEquals(0, used(redis.client(), renewal(TUESDAY, "10:00")));
        assertNotEquals(first.reference(), other.reference());
        assertEquals(List.of(other, first), book.of(person).stream()
                .sorted((a, b) -> a.slot().service() == CivilService.BIRTH_REGISTRATION ? -1 : 1).toList());
    }

    @Test
    void slotsNotInTheCatalogueOrAlreadyStartedAreRefused(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());

        assertEquals(Refusal.NO_SUCH_SLOT, refusal(book.book(request(renewal(MONDAY, "09:35"), person(1), "a"))));
        assertEquals(Refusal.NO_SUCH_SLOT, refusal(book.book(request(renewal(BookFixture.FRIDAY, "09:30"),
                person(1), "b"))));
        assertEquals(Refusal.NO_SUCH_SLOT, refusal(book.book(request(new SlotKey(MALAZ, Section.WOMEN,
                CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 14), LocalTime.of(9, 30)), person(1), "c"))),
                "women's section closed for maintenance");
        assertEquals(Refusal.SLOT_IN_PAST, refusal(book.book(request(renewal(TODAY, "08:50"), person(1), "d"))));
        assertEquals(Refusal.SLOT_IN_PAST, refusal(book.book(request(renewal(TODAY, "09:00"), person(1), "e"))));
        assertEquals(Refusal.NO_SUCH_SLOT, refusal(book.hold(renewal(MONDAY, "09:35"), person(1),
                Duration.ofMinutes(3))));
        assertEquals(Refusal.SLOT_IN_PAST, refusal(book.hold(renewal(TODAY, "08:00"), person(1),
                Duration.ofMinutes(3))));
        booked(book.book(request(renewal(TODAY, "09:10"), person(1), "f")));
    }

    @Test
    void aFullSlotRefusesTheNextPerson(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "11:00");
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            booked(book.book(request(slot, person(i), "k" + i)));
        }

        assertEquals(Refusal.SLOT_FULL, refusal(book.book(request(slot, person(99), "k99"))));
        assertEquals(Refusal.SLOT_FULL, refusal(book.hold(slot, person(99), Duration.ofMinutes(2))));
        assertEquals(0, free(book, slot));
        assertFalse(book.freeSlots(MALAZ, Section.MEN, CivilService.ID_RENEWAL, MONDAY).stream()
                .anyMatch(f -> f.start().equals(slot.start())));
        // the refused person may still book elsewhere: the refusal released the claim
        booked(book.book(request(renewal(MONDAY, "11:10"), person(99), "k100")));
    }

    @Test
    void holdsCountUntilConfirmedOrReleased(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "10:00");
        Hold[] holds = new Hold[RENEWAL_CAPACITY];
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            holds[i] = assertInstanceOf(BookingOutcome.Held.class,
                    book.hold(slot, person(i), Duration.ofMinutes(5))).hold();
        }
        assertEquals(Refusal.SLOT_FULL, refusal(book.hold(slot, person(50), Duration.ofMinutes(5))));
        assertEquals(Refusal.SLOT_FULL, refusal(book.book(request(slot, person(50), "x"))));

        Appointment confirmed = booked(book.confirm(holds[0], request(slot, person(0), "ivr-0")));
        book.release(holds[1]);

        assertEquals(slot, confirmed.slot());
        assertEquals(1, used(redis.client(), slot));
        assertEquals(1, free(book, slot));
        assertEquals(Refusal.HOLD_EXPIRED, refusal(book.confirm(holds[1], request(slot, person(1), "ivr-1"))));
        booked(book.book(request(slot, person(50), "y")));
        assertEquals(0, free(book, slot));
        assertEquals(Refusal.HOLD_EXPIRED, refusal(book.confirm(holds[2], request(slot, person(3), "ivr-2"))),
                "a hold is confirmed by its own person only");
    }

    @Test
    void aHoldLapsesByItself(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "10:00");
        Hold hold = null;
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            hold = assertInstanceOf(BookingOutcome.Held.class,
                    book.hold(slot, person(i), Duration.ofMillis(300))).hold();
        }
        assertEquals(0, free(book, slot));

        BookFixture.await(Duration.ofSeconds(5), () -> free(book, slot) == RENEWAL_CAPACITY, "holds lapse");

        assertEquals(Refusal.HOLD_EXPIRED, refusal(book.confirm(hold, request(slot, hold.person(), "late"))));
        assertEquals(0, used(redis.client(), slot));
        BookFixture.await(Duration.ofSeconds(5), () -> !redis.client().exists(BookingKeys.holds(slot)),
                "the holds key expires with its last hold");
    }

    @Test
    void aPersonWithAnActiveAppointmentCannotHoldOrConfirmForTheSameService(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        NationalId person = person(1);
        SlotKey other = renewal(TUESDAY, "10:00");
        Hold hold = assertInstanceOf(BookingOutcome.Held.class, book.hold(other, person, Duration.ofMinutes(3)))
                .hold();
        Appointment first = booked(book.book(request(renewal(MONDAY, "09:30"), person, "a")));

        assertEquals(new BookingOutcome.Refused(Refusal.ALREADY_BOOKED, Optional.of(first.reference())),
                book.confirm(hold, request(other, person, "b")));
        assertEquals(new BookingOutcome.Refused(Refusal.ALREADY_BOOKED, Optional.of(first.reference())),
                book.hold(other, person, Duration.ofMinutes(3)));
        assertEquals(0, used(redis.client(), other));
    }

    @Test
    void onlyTheOwnerCancelsAndTheRuleFreesThePlaceAndTheService(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey slot = renewal(MONDAY, "09:30");
        Appointment appointment = booked(book.book(request(slot, person(1), "a")));

        assertEquals(Refusal.NOT_FOUND, refusal(book.cancel(appointment.reference(), person(2), Channel.SMS)));
        Appointment cancelled = booked(book.cancel(appointment.reference(), person(1), Channel.IVR));

        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(appointment.reference(), cancelled.reference());
        assertEquals(Optional.of(cancelled), book.find(appointment.reference()));
        assertEquals(Refusal.NOT_ACTIVE, refusal(book.cancel(appointment.reference(), person(1), Channel.SMS)));
        assertEquals(0, used(redis.client(), slot));
        assertEquals(Refusal.NOT_FOUND, refusal(book.cancel(Reference.of(
                sa.civilaffairs.cc.reference.ReferenceKind.APPOINTMENT, "0000001"), person(1), Channel.SMS)));
        Appointment again = booked(book.book(request(renewal(TUESDAY, "10:00"), person(1), "b")));
        assertEquals(List.of(again, cancelled), book.of(person(1)));
        List<DomainEvent> events = BookFixture.events(redis.client());
        assertEquals("appointment.cancelled", events.get(1).type());
        assertEquals("IVR", events.get(1).attributes().get("channel"));
    }

    @Test
    void aRescheduleWithinTheDayMovesThePlaceAndKeepsTheReference(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey from = renewal(MONDAY, "09:30");
        SlotKey to = renewal(MONDAY, "13:00");
        Appointment appointment = booked(book.book(request(from, person(1), "a")));

        Appointment moved = booked(book.reschedule(appointment.reference(), request(to, person(1), "b")));

        assertEquals(appointment.reference(), moved.reference());
        assertEquals(to, moved.slot());
        assertEquals(Optional.of(moved), book.find(appointment.reference()));
        assertEquals(0, used(redis.client(), from));
        assertEquals(1, used(redis.client(), to));
        assertEquals(List.of(moved), book.of(person(1)));
        assertEquals(moved, booked(book.reschedule(appointment.reference(), request(to, person(1), "b"))),
                "a retry answers the same");
        DomainEvent event = BookFixture.events(redis.client()).get(1);
        assertEquals("appointment.rescheduled", event.type());
        assertEquals("13:00", event.attributes().get("time"));
        assertEquals("09:30", event.attributes().get("fromTime"));
    }

    @Test
    void aRescheduleToAnotherDayFreesTheOldPlaceOnlyOnceTheNewIsTaken(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        SlotKey from = renewal(MONDAY, "09:30");
        SlotKey full = renewal(TUESDAY, "10:00");
        SlotKey to = renewal(TUESDAY, "10:10");
        Appointment appointment = booked(book.book(request(from, person(1), "a")));
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            booked(book.book(request(full, person(10 + i), "fill" + i)));
        }

        assertEquals(Refusal.SLOT_FULL, refusal(book.reschedule(appointment.reference(),
                request(full, person(1), "b"))));
        assertEquals(Optional.of(appointment), book.find(appointment.reference()));
        assertEquals(1, used(redis.client(), from));
        assertEquals(Refusal.NO_SUCH_SLOT, refusal(book.reschedule(appointment.reference(),
                request(renewal(TUESDAY, "10:05"), person(1), "c"))));
        assertEquals(Refusal.NOT_FOUND, refusal(book.reschedule(appointment.reference(),
                request(to, person(2), "d"))), "somebody else's appointment");

        Appointment moved = booked(book.reschedule(appointment.reference(), request(to, person(1), "e")));

        assertEquals(to, moved.slot());
        assertEquals(appointment.reference(), moved.reference());
        assertEquals(0, used(redis.client(), from));
        assertEquals(1, used(redis.client(), to));
        assertEquals(Optional.of(moved), book.find(appointment.reference()));
        assertEquals(List.of(moved), book.of(person(1)));
        // the rule follows the appointment: still one active renewal
        assertEquals(Refusal.ALREADY_BOOKED, refusal(book.book(request(from, person(1), "f"))));
        // and it moves back to its first day, then is cancelled there
        Appointment back = booked(book.reschedule(appointment.reference(), request(from, person(1), "g")));
        assertEquals(from, back.slot());
        assertEquals(AppointmentStatus.CANCELLED,
                booked(book.cancel(appointment.reference(), person(1), Channel.SMS)).status());
        assertEquals(0, used(redis.client(), from));
        assertEquals(0, used(redis.client(), to));
        assertEquals(Refusal.NOT_ACTIVE, refusal(book.reschedule(appointment.reference(),
                request(to, person(1), "h"))));
    }

    @Test
    void daysWithFreeSlotsSkipClosedAndFullDays(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        CivilService death = CivilService.DEATH_REGISTRATION; // RUH-01 men: 2 people per slot
        for (LocalTime start : BookFixture.CALENDAR.starts(MALAZ, Section.MEN, death, MONDAY)) {
            for (int i = 0; i < 2; i++) {
                assertInstanceOf(BookingOutcome.Held.class,
                        book.hold(BookFixture.slot(death, MONDAY, start.toString()), person(i), Duration.ofMinutes(5)));
            }
        }

        List<LocalDate> days = book.daysWithFreeSlots(MALAZ, Section.MEN, death, TODAY.minusDays(3), 4);

        assertEquals(List.of(TODAY, TUESDAY, LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 10)), days);
        assertEquals(List.of(), book.freeSlots(MALAZ, Section.MEN, death, MONDAY));
        assertEquals(List.of(), book.daysWithFreeSlots(MALAZ, Section.WOMEN, CivilService.ID_RENEWAL,
                LocalDate.of(2026, 12, 13), 0));
        assertEquals(LocalDate.of(2026, 12, 12), book.daysWithFreeSlots(MALAZ, Section.WOMEN,
                CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 12), 2).get(0), "women's section opens Saturday");
        assertEquals(LocalDate.of(2026, 12, 19), book.daysWithFreeSlots(MALAZ, Section.WOMEN,
                CivilService.ID_RENEWAL, LocalDate.of(2026, 12, 13), 1).get(0), "closed 13-17 December");
    }

    @Test
    void anAttemptWhoseClientDiedIsSettledAndNeverBooksLater(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client(), Duration.ofMillis(50));
        NationalId person = person(1);
        SlotKey slot = renewal(MONDAY, "09:30");
        // a client claimed the service, then died before taking its place (pending since the epoch)
        Reference dead = Reference.of(sa.civilaffairs.cc.reference.ReferenceKind.APPOINTMENT, "7777777");
        String pending = "P|" + dead.value() + "|0|RUH-01|2026-12-07";
        redis.client().set(BookingKeys.claim(person, CivilService.ID_RENEWAL), pending);

        Appointment appointment = booked(book.book(request(slot, person, "fresh")));

        assertNotEquals(dead, appointment.reference());
        assertEquals(1, used(redis.client(), slot));
        // the dead client wakes up and runs its office-day step: voided, nothing taken
        var place = BookingKeys.Place.of(slot);
        List<?> late = redis.client().eval(loadBook(), List.of(place.used(), BookingKeys.holds(slot),
                place.appointment(dead), place.voided(dead)), List.of(BookingKeys.slotField(slot), "6", "-", "0",
                "2000000000", "status", "BOOKED")) instanceof List<?> l ? l : List.of();
        assertEquals(List.of("VOID"), late);
        assertEquals(1, used(redis.client(), slot));
    }

    @Test
    void anAttemptThatBookedBeforeItsClientDiedCountsForThePerson(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client(), Duration.ofMillis(50));
        NationalId person = person(1);
        Appointment first = booked(book.book(request(renewal(MONDAY, "09:30"), person, "a")));
        // as if the client died after its office-day step: the claim is still pending
        redis.client().set(BookingKeys.claim(person, CivilService.ID_RENEWAL),
                "P|" + first.reference().value() + "|0|RUH-01|2026-12-07");

        assertEquals(new BookingOutcome.Refused(Refusal.ALREADY_BOOKED, Optional.of(first.reference())),
                book.book(request(renewal(TUESDAY, "10:00"), person, "b")));
        assertTrue(redis.client().get(BookingKeys.claim(person, CivilService.ID_RENEWAL)).startsWith("A|"));
    }

    @Test
    void aBookingThatWentThroughNeedsNoLastStepAndIsMadeFinalWhenAsked(RedisHandle redis) {
        // an hour of grace: anything that waited for a pending value to go stale would hang, so the guard below fails
        RedisAppointmentBook book = BookFixture.book(redis.client(), Duration.ofHours(1));
        NationalId held = person(1);
        NationalId moving = person(2);
        Appointment first = booked(book.book(request(renewal(MONDAY, "09:30"), held, "a")));
        Appointment second = booked(book.book(request(renewal(MONDAY, "10:00"), moving, "b")));
        String heldClaim = BookingKeys.claim(held, CivilService.ID_RENEWAL);
        assertTrue(redis.client().get(heldClaim).startsWith("P|"), "a booking leaves its pending values");
        assertTrue(redis.client().get(BookingKeys.idempotency(held, "a")).startsWith("P|"));

        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(first, booked(book.book(request(renewal(MONDAY, "09:30"), held, "a"))), "same key");
            assertEquals("B|" + first.reference().value(), redis.client().get(BookingKeys.idempotency(held, "a")));
            assertEquals(new BookingOutcome.Refused(Refusal.ALREADY_BOOKED, Optional.of(first.reference())),
                    book.hold(renewal(TUESDAY, "10:00"), held, Duration.ofMinutes(3)));
            assertTrue(redis.client().get(heldClaim).startsWith("A|"), "made final by the hold's early answer");
            Appointment moved = booked(book.reschedule(second.reference(),
                    request(renewal(TUESDAY, "11:00"), moving, "c")));
            assertEquals(renewal(TUESDAY, "11:00"), moved.slot());
        });
        assertEquals(List.of(first), book.of(held));
        assertEquals(0, used(redis.client(), renewal(MONDAY, "10:00")));
        assertEquals(1, used(redis.client(), renewal(TUESDAY, "11:00")));
    }

    @Test
    void aRefusedBookingLeavesNoClaimAndIsNotListedUnderThePerson(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client(), Duration.ofHours(1));
        SlotKey slot = renewal(MONDAY, "09:30");
        for (int i = 0; i < RENEWAL_CAPACITY; i++) {
            booked(book.book(request(slot, person(10 + i), "fill-" + i)));
        }
        NationalId late = person(1);

        assertEquals(Refusal.SLOT_FULL, refusal(book.book(request(slot, late, "k"))));

        assertFalse(redis.client().exists(BookingKeys.claim(late, CivilService.ID_RENEWAL)));
        assertEquals(0, redis.client().zcard(BookingKeys.appointments(late)));
        assertEquals(List.of(), book.of(late));
        booked(book.book(request(renewal(MONDAY, "10:00"), late, "k2")));
    }

    @Test
    void aMoveWhoseClientDiedIsSettledByTheNextChange(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client(), Duration.ofMillis(50));
        NationalId person = person(1);
        SlotKey from = renewal(MONDAY, "09:30");
        Appointment appointment = booked(book.book(request(from, person, "a")));
        // a reschedule to Tuesday claimed the appointment, then its client died before taking the new place
        redis.client().set(BookingKeys.claim(person, CivilService.ID_RENEWAL),
                "M|" + appointment.reference().value() + "|0|RUH-01|2026-12-07|RUH-01|2026-12-08");

        Appointment moved = booked(book.reschedule(appointment.reference(),
                request(renewal(TUESDAY, "11:00"), person, "b")));

        assertEquals(renewal(TUESDAY, "11:00"), moved.slot());
        assertEquals(0, used(redis.client(), from));
        assertEquals(1, used(redis.client(), renewal(TUESDAY, "11:00")));
        assertEquals(0, used(redis.client(), renewal(TUESDAY, "10:00")));
        assertTrue(redis.client().get(BookingKeys.claim(person, CivilService.ID_RENEWAL)).startsWith("A|"));
        assertEquals(Refusal.ALREADY_BOOKED, refusal(book.book(request(from, person, "c"))));
    }

    @Test
    void aClosedBookRefusesToBookAndLeavesNothingBehind(RedisHandle redis) {
        RedisAppointmentBook book = BookFixture.book(redis.client());
        booked(book.book(request(renewal(MONDAY, "09:30"), person(1), "a")));

        book.close();

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> book.book(request(renewal(MONDAY, "09:40"), person(2), "b")));
        assertEquals(0, used(redis.client(), renewal(MONDAY, "09:40")));
        assertEquals(1, book.of(person(1)).size(), "reads still work");
    }

    private static String loadBook() {
        try (var in = RedisAppointmentBook.class.getResourceAsStream("book.lua")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
