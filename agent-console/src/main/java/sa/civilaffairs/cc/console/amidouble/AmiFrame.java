package sa.civilaffairs.cc.console.amidouble;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One AMI message as it travels on the wire: {@code Name: value} lines ended by CRLF, then an empty line.
 * A frame parsed from a capture keeps its exact bytes; {@link #with} and friends re-render it in the same
 * header order and layout (including the trailing space of an empty value, {@code "AccountCode: "}).
 */
public final class AmiFrame {
    /** One header line; a repeated name (ChanVariable) is several headers. */
    public record Header(String name, String value) {
        public Header {
            if (name == null || name.isEmpty() || name.indexOf('\r') >= 0 || name.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header name: " + name + " (expected: a non-empty single line)");
            }
            if (value == null || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("header " + name + " value (expected: a single line, may be empty)");
            }
        }
    }

    private final List<Header> headers;
    private final byte[] bytes;

    private AmiFrame(List<Header> headers, byte[] bytes) {
        this.headers = List.copyOf(headers);
        this.bytes = bytes;
    }

    /** Parses one message (its lines and the final empty line) keeping its bytes as they are. */
    public static AmiFrame parse(byte[] wire) {
        String text = new String(wire, StandardCharsets.UTF_8);
        List<Header> headers = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("AMI line: " + line + " (expected: Name: value)");
            }
            String value = line.substring(colon + 1);
            headers.add(new Header(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
        }
        return new AmiFrame(headers, wire.clone());
    }

    /** Renders headers the way Asterisk does: {@code Name: value\r\n} each, then {@code \r\n}. */
    public static AmiFrame of(List<Header> headers) {
        StringBuilder out = new StringBuilder(headers.size() * 24);
        for (Header h : headers) {
            out.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        out.append("\r\n");
        return new AmiFrame(headers, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Shorthand: {@code of("Response", "Success", "ActionID", id, ...)}; pairs of name and value. */
    public static AmiFrame of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values: " + namesAndValues.length + " strings (expected: pairs)");
        }
        List<Header> headers = new ArrayList<>(namesAndValues.length / 2);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            headers.add(new Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return of(headers);
    }

    public List<Header> headers() {
        return headers;
    }

    /** The exact bytes to write on the socket. */
    public byte[] bytes() {
        return bytes.clone();
    }

    void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes);
    }

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** First value of a header (names compare case-insensitively, as Asterisk does), or null. */
    public String get(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                values.add(h.value());
            }
        }
        return values;
    }

    /** The value of a {@code ChanVariable: NAME=value} header, or null when absent. */
    public String chanVariable(String variable) {
        String prefix = variable + "=";
        for (String v : all("ChanVariable")) {
            if (v.startsWith(prefix)) {
                return v.substring(prefix.length());
            }
        }
        return null;
    }

    public String event() {
        return get("Event");
    }

    public boolean isEvent() {
        return event() != null;
    }

    /** Event classes from the {@code Privilege} header ({@code agent,all} → agent, all); empty when none. */
    public List<String> privileges() {
        String p = get("Privilege");
        if (p == null || p.isBlank()) {
            return List.of();
        }
        return Arrays.stream(p.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT)).toList();
    }

    /** A copy with the value of every header of that name replaced (the layout is kept). */
    public AmiFrame with(String name, String value) {
        boolean found = false;
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                out.add(new Header(h.name(), value));
                found = true;
            } else {
                out.add(h);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("header " + name + " (expected: present in " + event() + ")");
        }
        return of(out);
    }

    /** A copy where {@code <header>: NAME=…} lines (ChanVariable, DestChanVariable…) carry the new value. */
    public AmiFrame withVariable(String header, String variable, String value) {
        String prefix = variable + "=";
        List<Header> out = new ArrayList<>(headers.size());
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(header) && h.value().startsWith(prefix)) {
                out.add(new Header(h.name(), prefix + value));
            } else {
                out.add(h);
            }
        }
        return of(out);
    }

    /** A copy with a header added at the end (e.g. the ActionID of a response event). */
    public AmiFrame plus(String name, String value) {
        List<Header> out = new ArrayList<>(headers);
        out.add(new Header(name, value));
        return of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AmiFrame f && Arrays.equals(bytes, f.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The first line only: frames carry caller numbers and national IDs, which stay out of logs. */
    @Override
    public String toString() {
        return headers.isEmpty() ? "AmiFrame[]" : "AmiFrame[" + headers.get(0).name() + ": " + headers.get(0).value() + "]";
    }
}
