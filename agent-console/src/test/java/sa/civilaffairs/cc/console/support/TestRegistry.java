package sa.civilaffairs.cc.console.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import sa.civilaffairs.cc.identity.Mobile;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;

/**
 * The least HTTP client of the civil registry's API (spec: GET /v1/persons/{id}) these tests need, until core's
 * {@code registry.http.HttpCivilRegistry} lands on this branch; then the tests should use that instead.
 */
public final class TestRegistry implements CivilRegistry {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final String base;

    public TestRegistry(String base) {
        this.base = base;
    }

    @Override
    public RegistryAnswer lookup(NationalId id) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/persons/" + id.value()))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() == 404) {
                return new RegistryAnswer.NotFound();
            }
            if (res.statusCode() != 200) {
                return new RegistryAnswer.Unavailable("HTTP " + res.statusCode());
            }
            JsonNode n = JSON.readTree(res.body());
            return new RegistryAnswer.Found(new Person(new NationalId(n.path("nationalId").asText()),
                    n.path("nameAr").asText(), n.path("nameEn").asText(), LocalDate.parse(n.path("birthDate").asText()),
                    Person.Gender.valueOf(n.path("gender").asText()), Mobile.tryParse(n.path("mobile").asText("")),
                    Person.LifeStatus.valueOf(n.path("status").asText()), Person.Kind.valueOf(n.path("kind").asText()),
                    n.path("disability").asBoolean()));
        } catch (IOException | RuntimeException e) {
            return new RegistryAnswer.Unavailable(e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new RegistryAnswer.Unavailable("interrupted");
        }
    }
}
