package sa.civilaffairs.cc.ivr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything the IVR reads from {@code config/ivr.yaml}, after {@code ${NAME:default}} environment overrides,
 * validated when built: a bad value throws {@link IvrConfigException} naming the key.
 */
public record IvrConfig(Agi agi, Voice voice, Booking booking, Agents agents) {

    public static final String FILE = "ivr.yaml";

    public IvrConfig {
        if (agi == null || voice == null || booking == null || agents == null) {
            throw new IvrConfigException("ivr: agi, voice, booking and agents are required");
        }
    }

    /**
     * The FastAGI listener.
     *
     * @param allowedHosts addresses of the Asterisk servers; a connection from any other address is closed unread
     * @param maxCalls     simultaneous calls (one thread each); a call beyond it is refused and the dialplan queues it
     * @param threadStackKb stack reserved per call thread
     * @param readTimeout  longest wait for one answer from Asterisk (a prompt plus the caller's time)
     */
    public record Agi(String host, int port, List<String> allowedHosts, int maxCalls, int threadStackKb,
                      Duration readTimeout) {
        public Agi {
            if (host == null || host.isBlank()) {
                throw new IvrConfigException("agi.host: empty (expected: an address to bind, e.g. 0.0.0.0)");
            }
            if (port < 0 || port > 65535) {
                throw new IvrConfigException("agi.port: " + port + " (expected: 0-65535, 0 for any free port)");
            }
            allowedHosts = List.copyOf(allowedHosts);
            if (allowedHosts.isEmpty()) {
                throw new IvrConfigException("agi.allowedHosts: empty (expected: the Asterisk servers' addresses)");
            }
            if (maxCalls < 1 || maxCalls > 20_000) {
                throw new IvrConfigException("agi.maxCalls: " + maxCalls + " (expected: 1-20000)");
            }
            if (threadStackKb < 128 || threadStackKb > 8192) {
                throw new IvrConfigException("agi.threadStackKb: " + threadStackKb + " (expected: 128-8192)");
            }
            positive("agi.readTimeout", readTimeout);
        }
    }

    /**
     * How prompts are played and keys read.
     *
     * @param soundsPrefix directory under Asterisk's sounds directory holding {@code ar/} and {@code en/}
     */
    public record Voice(String soundsPrefix, Duration menuTimeout, Duration entryTimeout) {
        public Voice {
            if (soundsPrefix == null || !soundsPrefix.matches("[A-Za-z0-9_/.-]+")) {
                throw new IvrConfigException("voice.soundsPrefix: " + soundsPrefix
                        + " (expected: a relative sounds directory such as cc)");
            }
            positive("voice.menuTimeout", menuTimeout);
            positive("voice.entryTimeout", entryTimeout);
        }
    }

    /** @param holdTtl how long a slot is kept while the caller listens to the confirmation */
    public record Booking(Duration holdTtl, int daysOffered) {
        public Booking {
            positive("booking.holdTtl", holdTtl);
            if (daysOffered < 1 || daysOffered > 8) {
                throw new IvrConfigException("booking.daysOffered: " + daysOffered + " (expected: 1-8)");
            }
        }
    }

    /** When agents answer (Riyadh time) and the Asterisk queues per language. */
    public record Agents(Set<DayOfWeek> days, LocalTime from, LocalTime to, String queueAr, String queueEn) {
        public Agents {
            days = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
            if (from == null || to == null || !from.isBefore(to)) {
                throw new IvrConfigException("agents.from/to: " + from + "-" + to
                        + " (expected: HH:MM-HH:MM, from before to)");
            }
            if (queueAr == null || queueAr.isBlank() || queueEn == null || queueEn.isBlank()) {
                throw new IvrConfigException("agents.queues: empty (expected: the Arabic and English queue names)");
            }
        }

        public boolean open(java.time.LocalDateTime riyadhNow) {
            LocalTime t = riyadhNow.toLocalTime();
            return days.contains(riyadhNow.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** A bad configuration value; the message names the key and what was expected. */
    public static final class IvrConfigException extends IvrException {
        public IvrConfigException(String message) {
            super(message);
        }
    }

    static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IvrConfigException(key + ": " + d + " (expected: a positive duration)");
        }
    }

    /** Reads {@code config/ivr.yaml} from {@code configDir} with the process environment. */
    public static IvrConfig load(Path configDir) {
        return load(configDir.resolve(FILE), System.getenv());
    }

    public static IvrConfig load(Path file, Map<String, String> env) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IvrConfigException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return parse(substitute(text, env));
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    /** Replaces {@code ${NAME:default}} by the environment's value, or the default when unset or empty. */
    static String substitute(String text, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = env.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null || value.isEmpty() ? m.group(2) : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    static IvrConfig parse(String yaml) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new IvrConfigException("ivr.yaml: not valid YAML (" + e.getMessage() + ")");
        }
        if (root == null) {
            throw new IvrConfigException("ivr.yaml: empty");
        }
        JsonNode agi = root.path("agi");
        JsonNode voice = root.path("voice");
        JsonNode booking = root.path("booking");
        JsonNode agents = root.path("agents");
        return new IvrConfig(
                new Agi(text(agi, "agi.host"), integer(agi, "agi.port"), list(text(agi, "agi.allowedHosts")),
                        integer(agi, "agi.maxCalls"), integer(agi, "agi.threadStackKb"),
                        duration(agi, "agi.readTimeout")),
                new Voice(text(voice, "voice.soundsPrefix"), duration(voice, "voice.menuTimeout"),
                        duration(voice, "voice.entryTimeout")),
                new Booking(duration(booking, "booking.holdTtl"), integer(booking, "booking.daysOffered")),
                new Agents(days(text(agents, "agents.days")), time(agents, "agents.from"), time(agents, "agents.to"),
                        text(agents, "agents.queueAr"), text(agents, "agents.queueEn")));
    }

    private static String text(JsonNode parent, String key) {
        JsonNode node = parent.path(key.substring(key.indexOf('.') + 1));
        if (node.isMissingNode() || node.isNull()) {
            throw new IvrConfigException(key + ": missing");
        }
        return node.asText().strip();
    }

    private static int integer(JsonNode parent, String key) {
        String s = text(parent, key);
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IvrConfigException(key + ": " + s + " (expected: a whole number)");
        }
    }

    private static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    /** {@code 90s}, {@code 5m}, {@code 2h}, {@code 500ms}. */
    static Duration duration(JsonNode parent, String key) {
        String s = text(parent, key).toLowerCase(Locale.ROOT);
        Matcher m = Pattern.compile("(\\d+)(ms|s|m|h)").matcher(s);
        if (!m.matches()) {
            throw new IvrConfigException(key + ": " + s + " (expected: a duration such as 500ms, 30s, 5m, 2h)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    private static LocalTime time(JsonNode parent, String key) {
        String s = text(parent, key);
        try {
            return LocalTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new IvrConfigException(key + ": " + s + " (expected: HH:MM)");
        }
    }

    /** {@code SUNDAY-THURSDAY} or {@code SUNDAY,MONDAY}; a range runs in week order from Sunday. */
    static Set<DayOfWeek> days(String s) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : list(s)) {
            String[] ends = part.toUpperCase(Locale.ROOT).split("-");
            try {
                DayOfWeek first = DayOfWeek.valueOf(ends[0].strip());
                DayOfWeek last = DayOfWeek.valueOf(ends[ends.length - 1].strip());
                for (DayOfWeek d = first; ; d = d.plus(1)) {
                    days.add(d);
                    if (d == last) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new IvrConfigException("agents.days: " + s + " (expected: e.g. SUNDAY-THURSDAY)");
            }
        }
        return days;
    }
}
