package sa.civilaffairs.cc.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import sa.civilaffairs.cc.config.ConfigDirectory;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.http.RegistryJson;
import sa.civilaffairs.cc.registry.http.RegistrySettings;

/**
 * A stand-in for the civil registry's HTTP API, on WireMock at a free port of 127.0.0.1, for tests and dev mode.
 * Unknown IDs get {@code 404} until stubbed. Stubs for one ID replace earlier stubs for it; {@link #stubDown()} and
 * {@link #stubSlow} apply to every ID until {@link #reset()}.
 *
 * <pre>{@code
 * try (RegistryDouble registry = RegistryDouble.start()) {
 *     registry.stubPerson(person);
 *     CivilRegistry client = new HttpCivilRegistry(registry.settings());
 *     ...
 * }
 * }</pre>
 *
 * Thread-safe (WireMock's stubbing is).
 */
public final class RegistryDouble implements AutoCloseable {

    private static final String PERSONS = "/v1/persons/";
    private static final String ANY_PERSON = PERSONS + "[^/]+";
    // WireMock picks the matching stub with the lowest priority number
    private static final int EVERYONE_OVERRIDE = 1;
    private static final int ONE_PERSON = 5;
    private static final int UNKNOWN_FALLBACK = 10;

    private final WireMockServer server;
    private final URI baseUrl;

    private RegistryDouble(WireMockServer server) {
        this.server = server;
        this.baseUrl = URI.create("http://127.0.0.1:" + server.port());
    }

    /** Starts a registry that knows nobody. */
    public static RegistryDouble start() {
        WireMockServer server = new WireMockServer(options()
                .bindAddress("127.0.0.1")
                .dynamicPort()
                .containerThreads(12)
                .jettyAcceptors(1)
                .notifier(new Slf4jNotifier(false)));
        server.start();
        RegistryDouble registry = new RegistryDouble(server);
        registry.reset();
        return registry;
    }

    /** Where the registry listens; the API is under it ({@code /v1/persons/{id}}). */
    public URI baseUrl() {
        return baseUrl;
    }

    /** Client settings for this registry with test-friendly values: 1 s timeout, 3 attempts, 20 ms backoff. */
    public RegistrySettings settings() {
        return settings(Duration.ofSeconds(1), 3, Duration.ofMillis(20));
    }

    public RegistrySettings settings(Duration timeout, int maxAttempts, Duration retryBackoff) {
        return new RegistrySettings(baseUrl, timeout, maxAttempts, retryBackoff);
    }

    /** The registry knows {@code person}. */
    public RegistryDouble stubPerson(Person person) {
        return stubPerson(person.nationalId(), RegistryJson.format(person));
    }

    /** The registry answers the raw person document {@code json}, for the ID in its {@code nationalId} field. */
    public RegistryDouble stubPerson(String json) {
        JsonNode id = RegistryJson.tree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).get("nationalId");
        if (id == null || !id.isTextual()) {
            throw new IllegalArgumentException("json: no nationalId field (expected: a person document)");
        }
        return stub(id.asText(), ok(json));
    }

    /** The registry answers {@code 200} with {@code body}, whatever it holds, when asked about {@code id}. */
    public RegistryDouble stubPerson(NationalId id, String body) {
        return stub(id.value(), ok(body));
    }

    /** The registry answers {@code status} with {@code body} when asked about {@code id}. */
    public RegistryDouble stubStatus(NationalId id, int status, String body) {
        return stub(id.value(), aResponse().withStatus(status).withBody(body));
    }

    /** The registry does not know {@code id} ({@code 404}), even if it was stubbed before. */
    public RegistryDouble stubUnknown(NationalId id) {
        return stub(id.value(), notFound());
    }

    /** The registry fails ({@code 500}) {@code failures} times for {@code person}, then knows them. */
    public RegistryDouble stubPersonAfterFailures(Person person, int failures) {
        String id = person.nationalId().value();
        String scenario = "recovering " + id;
        for (int i = 0; i < failures; i++) {
            server.stubFor(get(urlPathEqualTo(PERSONS + id)).atPriority(ONE_PERSON)
                    .inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willReturn(aResponse().withStatus(500))
                    .willSetStateTo("failed " + (i + 1)));
        }
        server.stubFor(get(urlPathEqualTo(PERSONS + id)).atPriority(ONE_PERSON)
                .inScenario(scenario)
                .whenScenarioStateIs(failures == 0 ? Scenario.STARTED : "failed " + failures)
                .willReturn(ok(RegistryJson.format(person))));
        return this;
    }

    /** Every lookup fails with {@code 500} until {@link #reset()}. */
    public RegistryDouble stubDown() {
        server.stubFor(get(urlPathMatching(ANY_PERSON)).atPriority(EVERYONE_OVERRIDE)
                .willReturn(aResponse().withStatus(500).withBody("registry down")));
        return this;
    }

    /** Every answer comes {@code delay} late until {@link #reset()}. */
    public RegistryDouble stubSlow(Duration delay) {
        server.setGlobalFixedDelay(Math.toIntExact(delay.toMillis()));
        return this;
    }

    /** Serves every person of {@code config/registry/demo-people.json} exactly as written there; returns them. */
    public List<Person> stubDemoPeople() {
        List<Person> people = new ArrayList<>();
        for (JsonNode document : demoDocuments()) {
            people.add(RegistryJson.parse(document));
            stubPerson(document.toString());
        }
        return people;
    }

    /** The demo people, parsed. */
    public static List<Person> demoPeople() {
        List<Person> people = new ArrayList<>();
        for (JsonNode document : demoDocuments()) {
            people.add(RegistryJson.parse(document));
        }
        return people;
    }

    /** The file the demo people come from. */
    public static Path demoPeopleFile() {
        return ConfigDirectory.file(ConfigDirectory.MARKER);
    }

    /** How many lookups the registry has received since the last {@link #reset()}. */
    public int requestCount() {
        return server.findAll(getRequestedFor(urlPathMatching(ANY_PERSON))).size();
    }

    /** How many lookups of {@code id} the registry has received since the last {@link #reset()}. */
    public int requestCount(NationalId id) {
        return server.findAll(getRequestedFor(urlPathEqualTo(PERSONS + id.value()))).size();
    }

    /** Forgets every stub, the slowness and the request log: the registry knows nobody again. */
    public RegistryDouble reset() {
        server.resetAll();
        server.setGlobalFixedDelay(0);
        server.stubFor(get(urlPathMatching(ANY_PERSON)).atPriority(UNKNOWN_FALLBACK).willReturn(notFound()));
        return this;
    }

    /** Stops listening, so that lookups meet a refused connection. */
    public void stop() {
        if (server.isRunning()) {
            server.stop();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private RegistryDouble stub(String id, ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(PERSONS + id)).atPriority(ONE_PERSON).willReturn(response));
        return this;
    }

    private static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder notFound() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"not found\"}");
    }

    private static List<JsonNode> demoDocuments() {
        Path file = demoPeopleFile();
        JsonNode array;
        try {
            array = RegistryJson.tree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (!array.isArray()) {
            throw new IllegalStateException(file + ": " + array.getNodeType() + " (expected: an array of people)");
        }
        List<JsonNode> documents = new ArrayList<>();
        array.forEach(documents::add);
        return documents;
    }
}
