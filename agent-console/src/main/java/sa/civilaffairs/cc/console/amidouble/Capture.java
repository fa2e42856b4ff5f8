package sa.civilaffairs.cc.console.amidouble;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte-for-byte AMI capture from a real Asterisk 22 ({@code ../shared/fixtures/asterisk-22/}, copied beside this
 * class). Each entry starts with a line {@code 2026-11-22 23:48:04.404 [conn] << RECEIVED} (or {@code >> SENT},
 * {@code << BANNER}, {@code -- note}); the bytes that follow, up to the next such line, are exactly what travelled
 * on the socket (CRLF lines, a blank line at the end of each message).
 */
public final class Capture {
    /** What an entry is: Asterisk's bytes, the peer's bytes, the greeting line, or the harness's comment. */
    public enum Kind { RECEIVED, SENT, BANNER, NOTE }

    /** One entry; {@code payload} is the wire bytes (empty for a note, whose text is in {@code note}). */
    public record Entry(String time, String connection, Kind kind, String note, byte[] payload) {
        public AmiFrame frame() {
            if (kind != Kind.RECEIVED && kind != Kind.SENT) {
                throw new IllegalStateException(kind + " entry (expected: a RECEIVED or SENT message)");
            }
            return AmiFrame.parse(payload);
        }
    }

    /**
     * Entry lines: {@code 2026-11-22 23:48:04.404 [console] << RECEIVED}; the two IVR call captures use a shorter
     * form without date and connection ({@code 23:33:59.805 << RECEIVED}, the banner text on the entry line itself).
     */
    private static final Pattern ENTRY_LINE = Pattern.compile(
            "^(?:(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}) \\[([^\\]]+)\\] (<< RECEIVED|>> SENT|<< BANNER|-- [^\n]*)\n"
                    + "|(\\d\\d:\\d\\d:\\d\\d\\.\\d{3}) (<< RECEIVED|>> SENT|<< BANNER)[\n ])",
            Pattern.MULTILINE);
    private static final String RESOURCE_DIR = "asterisk-22/";

    private final String name;
    private final List<Entry> entries;

    private Capture(String name, List<Entry> entries) {
        this.name = name;
        this.entries = List.copyOf(entries);
    }

    /** Loads a capture shipped with the double, e.g. {@code load("ami-queue-answered.log")}. */
    public static Capture load(String fileName) {
        try (InputStream in = Capture.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("capture: " + fileName + " (expected: one of the ami-*.log files in "
                        + Capture.class.getPackageName() + "/" + RESOURCE_DIR + ")");
            }
            return parse(fileName, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw file bytes of a shipped capture. */
    public static byte[] rawBytes(String fileName) {
        try (InputStream in = Capture.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("capture: " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Capture parse(String name, byte[] content) {
        // ISO-8859-1 maps bytes 1:1 to chars, so match offsets are byte offsets.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        Matcher m = ENTRY_LINE.matcher(text);
        List<int[]> marks = new ArrayList<>();
        List<String[]> heads = new ArrayList<>();
        while (m.find()) {
            marks.add(new int[] {m.start(), m.end()});
            heads.add(m.group(1) != null
                    ? new String[] {m.group(1), m.group(2), m.group(3)}
                    : new String[] {m.group(4), "console", m.group(5)});
        }
        if (marks.isEmpty() || marks.get(0)[0] != 0) {
            throw new IllegalArgumentException("capture " + name + " (expected: entries starting with a timestamp line)");
        }
        List<Entry> entries = new ArrayList<>(marks.size());
        for (int i = 0; i < marks.size(); i++) {
            int from = marks.get(i)[1];
            int to = i + 1 < marks.size() ? marks.get(i + 1)[0] : content.length;
            String[] h = heads.get(i);
            byte[] payload = Arrays.copyOfRange(content, from, to);
            Kind kind = switch (h[2]) {
                case "<< RECEIVED" -> Kind.RECEIVED;
                case ">> SENT" -> Kind.SENT;
                case "<< BANNER" -> Kind.BANNER;
                default -> Kind.NOTE;
            };
            String note = kind == Kind.NOTE ? h[2].substring(3) : null;
            entries.add(new Entry(h[0], h[1], kind, note, payload));
        }
        return new Capture(name, entries);
    }

    public String name() {
        return name;
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Every message Asterisk sent to one connection, in order. */
    public List<AmiFrame> received(String connection) {
        return entries.stream()
                .filter(e -> e.kind() == Kind.RECEIVED && e.connection().equals(connection))
                .map(Entry::frame)
                .toList();
    }

    /**
     * The unsolicited events of a call scenario as the {@code console} connection saw them: every event that is not
     * the answer to one of its actions (no ActionID), minus what the double produces itself at login
     * (FullyBooted and the security events about logins).
     */
    public List<AmiFrame> callEvents() {
        return received("console").stream()
                .filter(AmiFrame::isEvent)
                .filter(f -> f.get("ActionID") == null)
                .filter(f -> !"FullyBooted".equals(f.event()))
                .filter(f -> !f.privileges().contains("security"))
                .toList();
    }

    /** The first received event of that name in the capture (a template for synthetic events). */
    public AmiFrame firstEvent(String event) {
        return entries.stream()
                .filter(e -> e.kind() == Kind.RECEIVED)
                .map(Entry::frame)
                .filter(f -> event.equals(f.event()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("event " + event + " (expected: present in " + name + ")"));
    }

    /** The Asterisk greeting line as captured, with its CRLF. */
    public byte[] banner() {
        return entries.stream()
                .filter(e -> e.kind() == Kind.BANNER)
                .findFirst()
                .map(Entry::payload)
                .orElseThrow(() -> new IllegalStateException("capture " + name + " has no banner"));
    }
}
