package sa.civilaffairs.cc.registry.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where the civil registry's HTTP API is and how patiently to ask it.
 *
 * @param baseUrl      the API root; {@code GET {baseUrl}/v1/persons/{nationalId}} looks a person up
 * @param timeout      for connecting and for each attempt's whole response
 * @param maxAttempts  attempts per lookup when the registry fails (5xx, 429, timeout, connection error), at least 1
 * @param retryBackoff the pause before the second attempt; it doubles before each further attempt
 */
public record RegistrySettings(URI baseUrl, Duration timeout, int maxAttempts, Duration retryBackoff) {

    public static final int MAX_ATTEMPTS_LIMIT = 10;

    public RegistrySettings {
        if (baseUrl == null || !baseUrl.isAbsolute() || baseUrl.getHost() == null
                || !("http".equalsIgnoreCase(baseUrl.getScheme()) || "https".equalsIgnoreCase(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("registry.baseUrl: " + baseUrl
                    + " (expected: an absolute http or https URL, e.g. https://registry.example/api)");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("registry.baseUrl: " + baseUrl + " (expected: no query or fragment)");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()
                || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("registry.timeout: " + timeout
                    + " (expected: more than 0, at most 1 minute)");
        }
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("registry.maxAttempts: " + maxAttempts + " (expected: 1-"
                    + MAX_ATTEMPTS_LIMIT + ")");
        }
        if (retryBackoff == null || retryBackoff.isNegative() || retryBackoff.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("registry.retryBackoff: " + retryBackoff
                    + " (expected: 0 to 1 minute)");
        }
    }

    /** 2 s timeout, 3 attempts, 200 ms backoff: a lookup gives up within about 6.6 s. */
    public static RegistrySettings defaults(URI baseUrl) {
        return new RegistrySettings(baseUrl, Duration.ofSeconds(2), 3, Duration.ofMillis(200));
    }

    /** The pause before attempt {@code attempt} (2 or more): the backoff, doubled for each attempt after the second. */
    public Duration pauseBefore(int attempt) {
        return attempt < 2 ? Duration.ZERO : retryBackoff.multipliedBy(1L << (attempt - 2));
    }

    /** The longest a lookup can take: every attempt timing out, plus the pauses between them. */
    public Duration worstCase() {
        Duration total = timeout.multipliedBy(maxAttempts);
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            total = total.plus(pauseBefore(attempt));
        }
        return total;
    }

    /** The URL that looks {@code nationalId} up. */
    URI personUrl(String nationalId) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + "/v1/persons/" + nationalId);
    }
}
