package sa.civilaffairs.cc.registry.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sa.civilaffairs.cc.identity.NationalId;
import sa.civilaffairs.cc.registry.CivilRegistry;
import sa.civilaffairs.cc.registry.Person;
import sa.civilaffairs.cc.registry.RegistryAnswer;
import sa.civilaffairs.cc.registry.http.RegistryJson.MalformedPersonException;

/**
 * The civil registry over its HTTP API: {@code GET {base}/v1/persons/{nationalId}}, {@code 200} with the person
 * document ({@link RegistryJson}), {@code 404} when unknown.
 *
 * <p>Failures that may pass (5xx, 429, timeouts, connection errors) are retried up to
 * {@link RegistrySettings#maxAttempts()} times with a doubling pause; then, and at once for answers that will not
 * improve (an unreadable document, a document about someone else, another 4xx), the answer is
 * {@link RegistryAnswer.Unavailable}. {@link #lookup} blocks for at most {@link RegistrySettings#worstCase()} and never
 * throws for anything the registry or the network does; run it off event loops.
 *
 * <p>Logs carry masked IDs only, never names, bodies or exception messages (which may carry the URL, and so the ID).
 * Thread-safe; one instance serves the whole process.
 */
public final class HttpCivilRegistry implements CivilRegistry {

    private static final Logger log = LoggerFactory.getLogger(HttpCivilRegistry.class);

    private final RegistrySettings settings;
    private final HttpClient http;

    public HttpCivilRegistry(RegistrySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public RegistrySettings settings() {
        return settings;
    }

    @Override
    public RegistryAnswer lookup(NationalId nationalId) {
        Objects.requireNonNull(nationalId, "nationalId");
        HttpRequest request = HttpRequest.newBuilder(settings.personUrl(nationalId.value()))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .GET()
                .build();
        String reason = "no attempt";
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            if (attempt > 1 && !pause(attempt)) {
                return new RegistryAnswer.Unavailable("interrupted");
            }
            Attempt result;
            try {
                result = attempt(request, nationalId);
            } catch (RuntimeException e) {
                // the contract is an answer, never an exception, whatever the client library does
                log.warn("civil registry lookup of {} failed unexpectedly: {}", nationalId.masked(),
                        e.getClass().getName());
                return new RegistryAnswer.Unavailable("unexpected " + e.getClass().getSimpleName());
            }
            if (result instanceof Attempt.Answered answered) {
                return answered.answer();
            }
            reason = ((Attempt.Failed) result).reason();
            log.debug("civil registry attempt {}/{} for {} failed: {}", attempt, settings.maxAttempts(),
                    nationalId.masked(), reason);
        }
        log.warn("civil registry unavailable for {}: {} ({} attempts)", nationalId.masked(), reason,
                settings.maxAttempts());
        return new RegistryAnswer.Unavailable(reason + " after " + settings.maxAttempts() + " attempts");
    }

    /** What one request came to: an answer to give, or a failure worth another try. */
    private sealed interface Attempt {
        record Answered(RegistryAnswer answer) implements Attempt {
        }

        record Failed(String reason) implements Attempt {
        }
    }

    private Attempt attempt(HttpRequest request, NationalId asked) {
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response;
        try {
            // the request timeout stops at the response headers; this bounds the body too
            response = call.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Attempt.Failed("timeout after " + settings.timeout().toMillis() + " ms");
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Attempt.Answered(new RegistryAnswer.Unavailable("interrupted"));
        } catch (ExecutionException e) {
            return new Attempt.Failed(describe(e.getCause()));
        }
        int status = response.statusCode();
        if (status == 200) {
            return new Attempt.Answered(read(response.body(), asked));
        }
        if (status == 404) {
            log.debug("civil registry does not know {}", asked.masked());
            return new Attempt.Answered(new RegistryAnswer.NotFound());
        }
        if (status >= 500 || status == 429) {
            return new Attempt.Failed("HTTP " + status);
        }
        // any other status says our request or credentials are wrong: asking again will not help
        log.warn("civil registry refused the lookup of {}: HTTP {}", asked.masked(), status);
        return new Attempt.Answered(new RegistryAnswer.Unavailable("HTTP " + status));
    }

    private RegistryAnswer read(byte[] body, NationalId asked) {
        Person person;
        try {
            person = RegistryJson.parse(body);
        } catch (MalformedPersonException e) {
            log.warn("civil registry sent an unreadable document for {}: {}", asked.masked(), e.getMessage());
            return new RegistryAnswer.Unavailable("malformed document: " + e.getMessage());
        }
        if (!person.nationalId().equals(asked)) {
            log.warn("civil registry answered about {} when asked about {}", person.nationalId().masked(),
                    asked.masked());
            return new RegistryAnswer.Unavailable("document about another person");
        }
        return new RegistryAnswer.Found(person);
    }

    private static String describe(Throwable failure) {
        if (failure instanceof HttpTimeoutException) {
            return "timeout (" + failure.getClass().getSimpleName() + ")";
        }
        if (failure instanceof ConnectException) {
            return "cannot connect";
        }
        if (failure instanceof IOException) {
            return "I/O error (" + failure.getClass().getSimpleName() + ")";
        }
        return "failure (" + (failure == null ? "unknown" : failure.getClass().getSimpleName()) + ")";
    }

    /** Waits before {@code attempt}; {@code false} when interrupted (the flag is restored). */
    private boolean pause(int attempt) {
        try {
            Thread.sleep(settings.pauseBefore(attempt).toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
