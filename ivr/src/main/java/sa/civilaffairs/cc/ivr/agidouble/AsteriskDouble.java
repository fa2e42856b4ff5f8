package sa.civilaffairs.cc.ivr.agidouble;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asterisk's side of FastAGI, for tests, dev mode and benchmarks: opens a real TCP connection to the IVR, sends the
 * {@code agi_*} environment block and answers each command as Asterisk 22 does in
 * {@code fixtures/asterisk-22/agi-*.log}: {@code 200 result=} answers, {@code 510} for an unknown command, a
 * multi-line {@code 520} for bad syntax; when the caller hangs up, {@code 200 result=-1} for the command under way,
 * then a {@code HANGUP} line before the next answer and {@code 511} for channel commands while {@code SET VARIABLE},
 * {@code GET VARIABLE}, {@code VERBOSE} and {@code NOOP} still answer {@code 200}.
 * <p>
 * Time does not pass: a read the caller lets time out answers at once. Keys pressed while a playback has no escape
 * digits are lost, as on real Asterisk. Immutable and thread-safe; each {@link #call} runs on the caller's thread.
 */
public final class AsteriskDouble {

    static final String DEAD = "511 Command Not Permitted on a dead channel or intercept routine";
    static final String UNKNOWN = "510 Invalid or unknown command";
    private static final String SAY_DIGITS_USAGE = "Say a given digit string, returning early if any of the given"
            + " DTMF digits are received on the channel. Returns <literal>0</literal> if playback completes without a"
            + " digit being pressed, or the ASCII numerical value of the digit if one was pressed or"
            + " <literal>-1</literal> on error/hangup.";
    private static final Set<String> DEAD_ALLOWED = Set.of("GET VARIABLE", "GET FULL VARIABLE", "SET VARIABLE",
            "VERBOSE", "NOOP", "HANGUP", "DATABASE GET", "DATABASE PUT", "DATABASE DEL", "DATABASE DELTREE",
            "ASYNCAGI BREAK");
    private static final Map<String, Integer> MIN_ARGS = Map.ofEntries(
            Map.entry("STREAM FILE", 2), Map.entry("CONTROL STREAM FILE", 2), Map.entry("SAY DIGITS", 2),
            Map.entry("SAY NUMBER", 2), Map.entry("SAY ALPHA", 2), Map.entry("GET OPTION", 2),
            Map.entry("GET DATA", 1), Map.entry("WAIT FOR DIGIT", 1), Map.entry("SET VARIABLE", 2),
            Map.entry("GET VARIABLE", 1), Map.entry("GET FULL VARIABLE", 1), Map.entry("EXEC", 1),
            Map.entry("VERBOSE", 1), Map.entry("SET CONTEXT", 1), Map.entry("SET EXTENSION", 1),
            Map.entry("SET PRIORITY", 1), Map.entry("SET AUTOHANGUP", 1), Map.entry("DATABASE GET", 2),
            Map.entry("DATABASE PUT", 3), Map.entry("DATABASE DEL", 2));
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final int FULL_ENDPOS = 16000;
    private static final int INTERRUPTED_ENDPOS = 4000;

    private final InetSocketAddress ivr;
    private final Predicate<String> soundExists;
    private final int readTimeoutMillis;

    /** @param soundExists whether Asterisk finds a sound file; a missing one answers {@code 200 result=-1 endpos=0} */
    public AsteriskDouble(InetSocketAddress ivr, Predicate<String> soundExists, int readTimeoutMillis) {
        this.ivr = ivr;
        this.soundExists = soundExists;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    public AsteriskDouble(InetSocketAddress ivr) {
        this(ivr, file -> true, 30_000);
    }

    /** Places one call and runs it to its end on this thread. */
    public CallRecord call(CallSetup setup, Caller caller) throws IOException {
        try (Socket socket = new Socket()) {
            if (setup.localAddress().isPresent()) {
                socket.bind(new InetSocketAddress(InetAddress.getByName(setup.localAddress().get()), 0));
            }
            try {
                socket.connect(ivr, readTimeoutMillis);
                socket.setSoTimeout(readTimeoutMillis);
                socket.setTcpNoDelay(true);
            } catch (SocketException resetWhileConnecting) {
                // a server that refuses the host may reset the connection before the handshake is seen complete
                return new Conversation(setup, caller, socket).record(CallRecord.End.REFUSED);
            }
            return new Conversation(setup, caller, socket).run();
        }
    }

    private final class Conversation {
        private final CallSetup setup;
        private final Caller caller;
        private final Socket socket;
        private final List<CallRecord.Exchange> exchanges = new ArrayList<>();
        private final List<String> played = new ArrayList<>();
        private final Map<String, String> variables = new HashMap<>();
        private final List<String> executed = new ArrayList<>();
        private final StringBuilder pressed = new StringBuilder();
        private final StringBuilder lost = new StringBuilder();
        private long[] nanos = new long[64];
        private boolean alive = true;
        private boolean hangupAnnounced;
        private boolean callerHungUp;
        private boolean dropped;

        Conversation(CallSetup setup, Caller caller, Socket socket) {
            this.setup = setup;
            this.caller = caller;
            this.socket = socket;
            variables.put("CHANNEL", setup.channel());
            variables.put("UNIQUEID", setup.uniqueId());
        }

        CallRecord run() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            StringBuilder env = new StringBuilder();
            setup.environment(ivr.getHostString(), ivr.getPort()).forEach((k, v) ->
                    env.append(k).append(": ").append(v).append('\n'));
            env.append('\n');
            try {
                out.write(env.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (SocketException e) {
                return record(CallRecord.End.REFUSED);
            }
            long since = System.nanoTime();
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (SocketException e) {
                    line = null;
                }
                if (line == null) {
                    break;
                }
                long took = System.nanoTime() - since;
                List<String> answer = new ArrayList<>();
                if (!alive && !hangupAnnounced) {
                    answer.add("HANGUP");
                    hangupAnnounced = true;
                }
                AgiCommandLine command = AgiCommandLine.parse(line);
                List<String> reply = answer(command);
                if (dropped) {
                    exchanges.add(new CallRecord.Exchange(line, List.of()));
                    socket.close();
                    return record(CallRecord.End.DROPPED);
                }
                answer.addAll(reply);
                if (exchanges.size() == nanos.length) {
                    nanos = java.util.Arrays.copyOf(nanos, nanos.length * 2);
                }
                nanos[exchanges.size()] = took;
                exchanges.add(new CallRecord.Exchange(line, answer));
                StringBuilder bytes = new StringBuilder();
                answer.forEach(a -> bytes.append(a).append('\n'));
                try {
                    out.write(bytes.toString().getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (SocketException e) {
                    break;
                }
                since = System.nanoTime();
            }
            if (exchanges.isEmpty()) {
                return record(CallRecord.End.REFUSED);
            }
            return record(callerHungUp ? CallRecord.End.CALLER_HUNG_UP : CallRecord.End.IVR_CLOSED);
        }

        private CallRecord record(CallRecord.End end) {
            return new CallRecord(setup.uniqueId(), exchanges, played, variables, executed, lost.toString(), end,
                    java.util.Arrays.copyOf(nanos, exchanges.size()));
        }

        private List<String> answer(AgiCommandLine command) {
            String verb = command.verb();
            if (verb.isEmpty()) {
                return List.of(UNKNOWN);
            }
            if (!alive && !DEAD_ALLOWED.contains(verb)) {
                return List.of(DEAD);
            }
            if (command.args().size() < MIN_ARGS.getOrDefault(verb, 0)) {
                String usage = verb.equals("SAY DIGITS") ? SAY_DIGITS_USAGE : "Usage: " + verb + " (see 'agi show commands')";
                return List.of("520-Invalid command syntax.  Proper usage follows:", usage, "520 End of proper usage.");
            }
            Caller.Kind kind = kindOf(verb);
            Move move = alive ? caller.next(kind, command) : Move.NOTHING;
            if (move instanceof Move.DropSocket) {
                dropped = true;
                return List.of();
            }
            if (move instanceof Move.HangUp) {
                alive = false;
                callerHungUp = true;
                if (kind != Caller.Kind.OTHER) {
                    if (verb.contains("FILE") || verb.equals("GET OPTION")) {
                        played.add(command.arg(0));
                        return List.of("200 result=-1 endpos=0");
                    }
                    return List.of("200 result=-1");
                }
            } else if (move instanceof Move.Keys keys) {
                pressed.append(keys.keys());
            }
            return List.of(execute(verb, command));
        }

        private String execute(String verb, AgiCommandLine command) {
            switch (verb) {
                case "STREAM FILE", "CONTROL STREAM FILE" -> {
                    String file = command.arg(0);
                    played.add(file);
                    if (!soundExists.test(file)) {
                        return "200 result=-1 endpos=0";
                    }
                    char key = takeEscape(command.arg(1));
                    return key == 0 ? "200 result=0 endpos=" + FULL_ENDPOS
                            : "200 result=" + (int) key + " endpos=" + INTERRUPTED_ENDPOS;
                }
                case "SAY DIGITS", "SAY NUMBER", "SAY ALPHA" -> {
                    played.add(verb.substring(4).toLowerCase(java.util.Locale.ROOT) + ":" + command.arg(0));
                    char key = takeEscape(command.arg(1));
                    return "200 result=" + (int) key;
                }
                case "GET OPTION" -> {
                    played.add(command.arg(0));
                    char key = takeEscape(command.arg(1));
                    return "200 result=" + (int) key + " endpos=" + (key == 0 ? FULL_ENDPOS : INTERRUPTED_ENDPOS);
                }
                case "WAIT FOR DIGIT" -> {
                    if (pressed.length() == 0) {
                        return "200 result=0";
                    }
                    char key = pressed.charAt(0);
                    pressed.deleteCharAt(0);
                    return "200 result=" + (int) key;
                }
                case "GET DATA" -> {
                    played.add(command.arg(0));
                    int max = command.args().size() > 2 ? Integer.parseInt(command.arg(2)) : 1024;
                    StringBuilder digits = new StringBuilder();
                    while (pressed.length() > 0) {
                        char c = pressed.charAt(0);
                        pressed.deleteCharAt(0);
                        if (c == '#') {
                            return "200 result=" + digits;
                        }
                        digits.append(c);
                        if (digits.length() >= max) {
                            return "200 result=" + digits;
                        }
                    }
                    return "200 result=" + digits + " (timeout)";
                }
                case "ANSWER", "NOOP", "SET CONTEXT", "SET EXTENSION", "SET PRIORITY", "SET AUTOHANGUP",
                     "SET MUSIC", "SET CALLERID", "ASYNCAGI BREAK", "GOSUB", "DATABASE GET" -> {
                    return "200 result=0";
                }
                case "HANGUP" -> {
                    alive = false;
                    return "200 result=1";
                }
                case "EXEC" -> {
                    executed.add(String.join(" ", command.args()));
                    return "200 result=0";
                }
                case "SET VARIABLE" -> {
                    variables.put(command.arg(0), command.arg(1));
                    return "200 result=1";
                }
                case "GET VARIABLE" -> {
                    String value = variables.get(command.arg(0));
                    return value == null ? "200 result=0" : "200 result=1 (" + value + ")";
                }
                case "GET FULL VARIABLE" -> {
                    Matcher m = VARIABLE.matcher(command.arg(0));
                    StringBuilder value = new StringBuilder();
                    while (m.find()) {
                        m.appendReplacement(value, Matcher.quoteReplacement(variables.getOrDefault(m.group(1), "")));
                    }
                    m.appendTail(value);
                    return "200 result=1 (" + value + ")";
                }
                case "CHANNEL STATUS" -> {
                    return "200 result=6";
                }
                default -> {
                    // VERBOSE, DATABASE PUT/DEL/DELTREE
                    return "200 result=1";
                }
            }
        }

        /** The first pressed key that is an escape digit; keys before it are ignored by the playback (lost). */
        private char takeEscape(String escapeDigits) {
            while (pressed.length() > 0) {
                char c = pressed.charAt(0);
                pressed.deleteCharAt(0);
                if (escapeDigits.indexOf(c) >= 0) {
                    return c;
                }
                lost.append(c);
            }
            return 0;
        }
    }

    static Caller.Kind kindOf(String verb) {
        return switch (verb) {
            case "STREAM FILE", "CONTROL STREAM FILE", "SAY DIGITS", "SAY NUMBER", "SAY ALPHA" -> Caller.Kind.PLAYBACK;
            case "GET DATA", "GET OPTION", "WAIT FOR DIGIT" -> Caller.Kind.READ;
            default -> Caller.Kind.OTHER;
        };
    }
}
