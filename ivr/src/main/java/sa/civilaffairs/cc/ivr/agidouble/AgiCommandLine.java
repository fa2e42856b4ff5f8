package sa.civilaffairs.cc.ivr.agidouble;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One AGI command line as Asterisk parses it: words split on blanks, double quotes group a word, backslash escapes
 * the next character (res/res_agi.c {@code parse_args}). {@code verb} is the longest known command name that the
 * first words spell, in upper case; {@code args} are the words after it.
 */
public record AgiCommandLine(String raw, String verb, List<String> args) {

    /** The commands the double knows, longest first so that "GET FULL VARIABLE" wins over "GET VARIABLE". */
    static final List<String> VERBS = List.of(
            "CONTROL STREAM FILE", "GET FULL VARIABLE", "DATABASE DELTREE", "WAIT FOR DIGIT", "SET AUTOHANGUP",
            "CHANNEL STATUS", "SET VARIABLE", "GET VARIABLE", "DATABASE GET", "DATABASE PUT", "DATABASE DEL",
            "SET EXTENSION", "SET PRIORITY", "SET CONTEXT", "SET CALLERID", "SET MUSIC", "STREAM FILE", "SAY DIGITS",
            "SAY NUMBER", "SAY ALPHA", "GET OPTION", "GET DATA", "ANSWER", "HANGUP", "EXEC", "VERBOSE", "NOOP",
            "ASYNCAGI BREAK", "GOSUB");

    public AgiCommandLine {
        args = List.copyOf(args);
    }

    /** Parses {@code raw}; an unknown command has an empty {@code verb}. */
    public static AgiCommandLine parse(String raw) {
        List<String> words = words(raw);
        for (String verb : VERBS) {
            String[] parts = verb.split(" ");
            if (words.size() >= parts.length && matches(words, parts)) {
                return new AgiCommandLine(raw, verb, words.subList(parts.length, words.size()));
            }
        }
        return new AgiCommandLine(raw, "", words);
    }

    private static boolean matches(List<String> words, String[] parts) {
        for (int i = 0; i < parts.length; i++) {
            if (!words.get(i).toUpperCase(Locale.ROOT).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    public String arg(int index) {
        return index < args.size() ? args.get(index) : "";
    }

    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean escaped = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (escaped) {
                word.append(c);
                escaped = false;
                inWord = true;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
