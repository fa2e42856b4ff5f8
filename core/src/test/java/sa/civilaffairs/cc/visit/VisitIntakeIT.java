package sa.civilaffairs.cc.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.calendar.RiyadhTime;
import sa.civilaffairs.cc.channel.Channel;
import sa.civilaffairs.cc.events.redis.RedisEventLog;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.office.Region;
import sa.civilaffairs.cc.reference.redis.RedisReferences;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;
import sa.civilaffairs.cc.text.Language;
import sa.civilaffairs.cc.visit.VisitAssessment.RefusalReason;
import sa.civilaffairs.cc.visit.VisitIntake.Outcome;
import sa.civilaffairs.cc.visit.redis.RedisVisitRequests;

/** The registry double with the demo people, a real Redis: what each kind of beneficiary gets. */
@ExtendWith(RedisExtension.class)
class VisitIntakeIT {
    static final NationalId AGED = new NationalId("1000000016");      // born 1938
    static final NationalId DISABLED = new NationalId("1000000032");  // born 1981, disability
    static final NationalId YOUNG = new NationalId("1000000073");     // born 1994
    static final NationalId DECEASED = new NationalId("1000000057");
    static final Mobile CONTACT = Mobile.parse("0500000104");

    static RegistryDouble registry;
    private UnifiedJedis redis;
    private RedisVisitRequests store;
    private VisitIntake intake;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryDouble.start();
        registry.stubDemoPeople();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void setUp(RedisHandle handle) {
        redis = handle.client();
        var clock = RiyadhTime.fixedAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        store = new RedisVisitRequests(redis, new RedisReferences(redis), new RedisEventLog(redis), clock);
        intake = new VisitIntake(new HttpCivilRegistry(registry.settings()),
                store, clock);
    }

    static VisitApplication application(NationalId beneficiary, Optional<VisitCategory> claimed) {
        return new VisitApplication(beneficiary, Optional.of(new NationalId("1000000040")), CONTACT, claimed,
                PlaceType.HOME, Region.RIYADH, "الرياض", "حي الملز", Channel.IVR, Language.AR, "ivr");
    }

    @Test
    void theAgedAndTheDisabledAreFiledEligible() {
        Outcome aged = intake.submit(application(AGED, Optional.empty()), "call-1");
        Outcome disabled = intake.submit(application(DISABLED, Optional.empty()), "call-2");

        VisitRequest agedRequest = assertInstanceOf(Outcome.Filed.class, aged).request();
        assertEquals(Eligibility.ELIGIBLE, agedRequest.eligibility());
        assertEquals(VisitCategory.AGE_85_PLUS, agedRequest.category());
        assertEquals(VisitCategory.DISABILITY,
                assertInstanceOf(Outcome.Filed.class, disabled).request().category());
        assertEquals(List.of(agedRequest), store.of(AGED));
    }

    @Test
    void aPatientIsFiledToBeReviewedAndAFalseAgeClaimIsRefused() {
        Outcome patient = intake.submit(application(YOUNG, Optional.of(VisitCategory.PATIENT)), "call-3");
        Outcome claimedAge = intake.submit(application(YOUNG, Optional.of(VisitCategory.AGE_85_PLUS)), "call-4");

        assertEquals(Eligibility.TO_REVIEW, assertInstanceOf(Outcome.Filed.class, patient).request().eligibility());
        assertEquals(new Outcome.Refused(RefusalReason.UNDER_85), claimedAge);
        assertEquals(1, store.of(YOUNG).size());
    }

    @Test
    void theDeceasedTheUnknownAndARegistryOutageFileNothing() {
        assertEquals(new Outcome.Refused(RefusalReason.DECEASED),
                intake.submit(application(DECEASED, Optional.empty()), "call-5"));
        NationalId unknown = new NationalId("1" + "23456789" + NationalId.luhnCheckDigit("123456789"));
        registry.stubUnknown(unknown);
        assertEquals(new Outcome.UnknownPerson(), intake.submit(application(unknown, Optional.empty()), "call-6"));

        registry.stubDown();
        try {
            assertEquals(new Outcome.RegistryUnavailable(),
                    intake.submit(application(AGED, Optional.empty()), "call-7"));
        } finally {
            registry.reset();
            registry.stubDemoPeople();
        }
        assertEquals(List.of(), store.queue(Optional.empty(), Optional.empty(), 10));
    }
}
