package sa.civilaffairs.cc.registry.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.testkit.LogCapture;
import sa.civilaffairs.cc.testkit.RegistryDouble;

class HttpCivilRegistryIT {

    private static final NationalId ID = NationalId.parse("1000000008");
    private static final NationalId OTHER = NationalId.parse("2" + "00000001" + NationalId.luhnCheckDigit("200000001"));
    private static final Person PERSON = new Person(ID, "عبدالله الحربي", "Abdullah Alharbi", LocalDate.of(1938, 5, 1),
            Person.Gender.M, Optional.of(Mobile.parse("0551234567")), Person.LifeStatus.ALIVE, Person.Kind.CITIZEN,
            false);

    private static RegistryDouble registry;
    private LogCapture logs;

    @BeforeAll
    static void startRegistry() {
        registry = RegistryDouble.start();
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void resetRegistry() {
        registry.reset();
        logs = LogCapture.of("sa.civilaffairs.cc");
    }

    @AfterEach
    void logsNeverHoldAWholeNationalIdOrMobile() {
        logs.close();
        String text = logs.text();
        for (String secret : List.of(ID.value(), OTHER.value(), "966551234567", "0551234567", "551234567")) {
            assertFalse(text.contains(secret), "logged unmasked: " + text);
        }
    }

    private static HttpCivilRegistry client() {
        return new HttpCivilRegistry(registry.settings());
    }

    @Test
    void aKnownPersonIsFoundWithEveryField() {
        registry.stubPerson(PERSON);

        RegistryAnswer answer = client().lookup(ID);

        assertEquals(new RegistryAnswer.Found(PERSON), answer);
        Person found = ((RegistryAnswer.Found) answer).person();
        assertEquals("عبدالله الحربي", found.nameAr());
        assertEquals(Optional.of(Mobile.parse("966551234567")), found.mobile());
    }

    @Test
    void theSpecDocumentIsReadAsWritten() {
        registry.stubPerson("{\"nationalId\":\"1000000008\",\"nameAr\":\"نورة\",\"nameEn\":\"Nourah\","
                + "\"birthDate\":\"1940-02-14\",\"gender\":\"F\",\"mobile\":\"966551234567\",\"status\":\"DECEASED\","
                + "\"kind\":\"CITIZEN\",\"disability\":true}");

        Person person = ((RegistryAnswer.Found) client().lookup(ID)).person();

        assertEquals(ID, person.nationalId());
        assertEquals("نورة", person.nameAr());
        assertEquals("Nourah", person.nameEn());
        assertEquals(LocalDate.of(1940, 2, 14), person.birthDate());
        assertEquals(Person.Gender.F, person.gender());
        assertEquals(Optional.of(new Mobile("966551234567")), person.mobile());
        assertEquals(Person.LifeStatus.DECEASED, person.status());
        assertEquals(Person.Kind.CITIZEN, person.kind());
        assertTrue(person.disability());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"", "\"mobile\":null,", "\"mobile\":\"\",", "\"mobile\":\"0112345678\",",
            "\"mobile\":\"unknown\",", "\"mobile\":\"+1 555 0100\","})
    void aMissingOrInvalidMobileIsNoMobile(String mobileField) {
        registry.stubPerson("{\"nationalId\":\"1000000008\",\"nameAr\":\"x\",\"nameEn\":\"x\","
                + "\"birthDate\":\"1990-01-01\",\"gender\":\"M\"," + mobileField
                + "\"status\":\"ALIVE\",\"kind\":\"CITIZEN\",\"disability\":false}");

        Person person = ((RegistryAnswer.Found) client().lookup(ID)).person();

        assertEquals(Optional.empty(), person.mobile());
    }

    @Test
    void anUnknownPersonIsNotFound() {
        registry.stubPerson(PERSON);
        registry.stubUnknown(ID);

        assertEquals(new RegistryAnswer.NotFound(), client().lookup(ID));
        assertEquals(new RegistryAnswer.NotFound(), client().lookup(OTHER));
        assertEquals(1, registry.requestCount(ID));
    }

    @Test
    void aFailureThatPassesIsRetriedAway() {
        registry.stubPersonAfterFailures(PERSON, 2);

        RegistryAnswer answer = new HttpCivilRegistry(registry.settings(Duration.ofSeconds(1), 3,
                Duration.ofMillis(10))).lookup(ID);

        assertEquals(new RegistryAnswer.Found(PERSON), answer);
        assertEquals(3, registry.requestCount(ID));
    }

    @Test
    void aRegistryThatStaysDownIsUnavailableAfterEveryAttempt() {
        registry.stubPerson(PERSON);
        registry.stubDown();

        RegistryAnswer answer = new HttpCivilRegistry(registry.settings(Duration.ofSeconds(1), 3,
                Duration.ofMillis(10))).lookup(ID);

        Unavailable unavailable = unavailable(answer);
        assertTrue(unavailable.reason().contains("HTTP 500"), unavailable.reason());
        assertEquals(3, registry.requestCount(ID));
        assertEquals(1, logs.messages("WARN").size(), logs.text());
        assertTrue(logs.messages("WARN").get(0).contains(ID.masked()), logs.text());
    }

    @Test
    void tooManyRequestsIsRetriedToo() {
        registry.stubStatus(ID, 429, "slow down");

        unavailable(new HttpCivilRegistry(registry.settings(Duration.ofSeconds(1), 2, Duration.ZERO)).lookup(ID));

        assertEquals(2, registry.requestCount(ID));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 401, 403, 302})
    void aRefusalIsUnavailableAtOnceWithoutRetrying(int status) {
        registry.stubStatus(ID, status, "no");

        Unavailable unavailable = unavailable(client().lookup(ID));

        assertEquals("HTTP " + status, unavailable.reason());
        assertEquals(1, registry.requestCount(ID));
    }

    @Test
    void aSlowRegistryTimesOutEveryAttemptThenIsUnavailable() {
        registry.stubPerson(PERSON);
        registry.stubSlow(Duration.ofMillis(1_500));

        RegistryAnswer answer = new HttpCivilRegistry(registry.settings(Duration.ofMillis(200), 2,
                Duration.ofMillis(10))).lookup(ID);

        Unavailable unavailable = unavailable(answer);
        assertTrue(unavailable.reason().contains("timeout"), unavailable.reason());
        assertTrue(unavailable.reason().contains("2 attempts"), unavailable.reason());
    }

    @Test
    void aSlowButInTimeRegistryIsFine() {
        registry.stubPerson(PERSON);
        registry.stubSlow(Duration.ofMillis(100));

        assertEquals(new RegistryAnswer.Found(PERSON),
                new HttpCivilRegistry(registry.settings(Duration.ofSeconds(5), 1, Duration.ZERO)).lookup(ID));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
            "{not json",
            "<html><body>Service temporarily unavailable</body></html>",
            "",
            "[]",
            "\"1000000008\"",
            "{\"nationalId\":\"1000000008\"}",
            "{\"nationalId\":\"1000000008\",\"birthDate\":\"01/05/1938\",\"gender\":\"M\",\"status\":\"ALIVE\","
                    + "\"kind\":\"CITIZEN\"}",
            "{\"nationalId\":\"1000000008\",\"birthDate\":\"1938-05-01\",\"gender\":\"X\",\"status\":\"ALIVE\","
                    + "\"kind\":\"CITIZEN\"}",
            "{\"nationalId\":\"1000000009\",\"birthDate\":\"1938-05-01\",\"gender\":\"M\",\"status\":\"ALIVE\","
                    + "\"kind\":\"CITIZEN\"}"})
    void anUnreadableDocumentIsUnavailableAtOnceWithAMaskedWarning(String body) {
        registry.stubPerson(ID, body);

        Unavailable unavailable = unavailable(client().lookup(ID));

        assertTrue(unavailable.reason().startsWith("malformed document"), unavailable.reason());
        assertEquals(1, registry.requestCount(ID));
        List<String> warnings = logs.messages("WARN");
        assertEquals(1, warnings.size(), logs.text());
        assertTrue(warnings.get(0).contains(ID.masked()), warnings.get(0));
    }

    @Test
    void aDocumentAboutSomeoneElseIsUnavailable() {
        Person someoneElse = new Person(OTHER, "س", "S", LocalDate.of(1980, 1, 1), Person.Gender.F, Optional.empty(),
                Person.LifeStatus.ALIVE, Person.Kind.RESIDENT, false);
        registry.stubPerson(ID, RegistryJson.format(someoneElse));

        Unavailable unavailable = unavailable(client().lookup(ID));

        assertEquals("document about another person", unavailable.reason());
        List<String> warnings = logs.messages("WARN");
        assertEquals(1, warnings.size(), logs.text());
        assertTrue(warnings.get(0).contains(ID.masked()) && warnings.get(0).contains(OTHER.masked()), warnings.get(0));
    }

    @Test
    void aStoppedRegistryIsUnavailable() {
        try (RegistryDouble stopped = RegistryDouble.start()) {
            HttpCivilRegistry client = new HttpCivilRegistry(stopped.settings(Duration.ofSeconds(1), 2,
                    Duration.ofMillis(10)));
            stopped.stubPerson(PERSON);
            assertInstanceOf(RegistryAnswer.Found.class, client.lookup(ID));

            stopped.stop();

            Unavailable unavailable = unavailable(client.lookup(ID));
            assertTrue(unavailable.reason().contains("cannot connect"), unavailable.reason());
        }
    }

    @Test
    void anInterruptedCallerGetsUnavailableAndKeepsItsInterrupt() {
        registry.stubPerson(PERSON);
        Thread.currentThread().interrupt();
        try {
            assertEquals(new RegistryAnswer.Unavailable("interrupted"), client().lookup(ID));
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void aBaseUrlWithATrailingSlashWorks() {
        registry.stubPerson(PERSON);
        RegistrySettings settings = new RegistrySettings(java.net.URI.create(registry.baseUrl() + "/"),
                Duration.ofSeconds(1), 1, Duration.ZERO);

        assertEquals(new RegistryAnswer.Found(PERSON), new HttpCivilRegistry(settings).lookup(ID));
    }

    @Test
    void everyDemoPersonIsFoundAsWrittenInTheDemoFile() {
        List<Person> demo = registry.stubDemoPeople();
        HttpCivilRegistry client = client();

        for (Person person : demo) {
            assertEquals(new RegistryAnswer.Found(person), client.lookup(person.nationalId()), person.toString());
        }
        assertEquals(new RegistryAnswer.NotFound(), client.lookup(ID));
    }

    @Test
    void oneClientServesManyThreadsAtOnce() throws Exception {
        List<Person> demo = registry.stubDemoPeople();
        HttpCivilRegistry client = client();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<RegistryAnswer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Person person = demo.get(i % demo.size());
                answers.add(pool.submit(() -> client.lookup(person.nationalId())));
            }
            for (int i = 0; i < answers.size(); i++) {
                assertEquals(new RegistryAnswer.Found(demo.get(i % demo.size())), answers.get(i).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record Unavailable(String reason) {
    }

    private static Unavailable unavailable(RegistryAnswer answer) {
        RegistryAnswer.Unavailable unavailable = assertInstanceOf(RegistryAnswer.Unavailable.class, answer);
        return new Unavailable(unavailable.reason());
    }
}
