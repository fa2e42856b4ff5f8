package sa.civilaffairs.cc.dialog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import sa.civilaffairs.cc.reference.Reference;
import sa.civilaffairs.cc.text.ArabicText;

/**
 * The keyword table of PRODUCT.md "SMS on 77799", read the way citizens type: through {@link ArabicText#normalize}
 * (case, diacritics, hamza/ta-marbuta/alef-maksura forms, digit scripts, punctuation, emoji), with the article and
 * the conjunction prefixes (ال، و، وال) dropped, the keyword among the first three words ("اريد حجز موعد"), and
 * one typing slip forgiven in keywords of five letters or more. Pure functions, thread-safe.
 */
public final class Keywords {

    private static final int SCAN_WORDS = 3;
    private static final Pattern MENU_NUMBER = Pattern.compile("[0-9]{1,3}");
    private static final int FUZZY_MIN_LENGTH = 5;

    /** Normalised keyword → intent; the first word of each list is the one shown in help. */
    private static final Map<Intent, List<String>> TABLE = new EnumMap<>(Map.of(
            Intent.BOOK, List.of("موعد", "حجز", "احجز", "book", "booking", "appointment", "appt"),
            Intent.STATUS, List.of("حاله", "مواعيدي", "مواعيد", "طلباتي", "status", "appointments"),
            Intent.CANCEL, List.of("الغاء", "الغي", "cancel"),
            Intent.VISIT, List.of("تقدير", "زياره", "visit", "taqdeer"),
            Intent.FEEDBACK, List.of("تحسين", "شكوي", "شكوه", "اقتراح", "استفسار", "feedback", "complaint",
                    "suggestion", "inquiry", "enquiry", "tahseen"),
            Intent.LOST, List.of("مفقود", "فقدان", "ضايع", "lost"),
            Intent.CHAT, List.of("محادثه", "chat", "agent", "موظف"),
            Intent.HELP, List.of("مساعده", "help", "مساعدة", "menu", "قائمه"),
            Intent.STOP, List.of("ايقاف", "stop", "unsubscribe", "اوقف")));

    private static final Map<String, Intent> BY_WORD = new HashMap<>();

    static {
        TABLE.forEach((intent, words) -> words.forEach(w -> BY_WORD.put(ArabicText.normalize(w), intent)));
    }

    private static final List<String> ABANDON = List.of("0", "الغاء", "الغي", "cancel", "خروج", "exit", "quit");
    private static final List<String> YES = List.of("1", "نعم", "ايوه", "اي", "اكيد", "موافق", "تاكيد", "اكد",
            "yes", "y", "ok", "okay", "confirm", "sure");
    private static final List<String> NO = List.of("2", "لا", "كلا", "no", "n", "nope");

    private Keywords() {
    }

    /** The keyword of {@code text} with its arguments, or empty when the message holds no keyword. */
    public static Optional<Command> match(String text) {
        String raw = text == null ? "" : text.strip();
        if (raw.equals("?") || raw.equals("؟")) {
            return Optional.of(new Command(Intent.HELP, "?", "", ""));
        }
        List<String> tokens = ArabicText.tokens(raw);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < Math.min(SCAN_WORDS, tokens.size()); i++) {
            Optional<Map.Entry<String, Intent>> found = exact(tokens.get(i));
            if (found.isEmpty() && i == 0) {
                found = fuzzy(tokens.get(0));
            }
            if (found.isPresent()) {
                String normalArgument = String.join(" ", tokens.subList(i + 1, tokens.size()));
                return Optional.of(new Command(found.get().getValue(), found.get().getKey(),
                        rawAfterWords(raw, i + 1, normalArgument), normalArgument));
            }
        }
        // a reference sent alone is a status question
        if (tokens.size() <= 3) {
            String joined = String.join("", tokens);
            if (joined.length() == Reference.LENGTH && Reference.tryParse(joined).isPresent()) {
                return Optional.of(new Command(Intent.STATUS, "", joined, joined));
            }
        }
        return Optional.empty();
    }

    /** {@code 0}, الغاء or CANCEL alone: leave the dialog. */
    public static boolean isAbandon(String text) {
        String normal = ArabicText.normalize(text);
        return ABANDON.stream().anyMatch(w -> ArabicText.normalize(w).equals(normal));
    }

    /** A menu answer: the number typed, in any digit script, with decorations ("1.", "رقم 2", "3️⃣"). */
    public static OptionalInt number(String text) {
        List<String> tokens = new ArrayList<>(ArabicText.tokens(text));
        tokens.removeIf(t -> t.equals("رقم") || t.equals("no") || t.equals("number") || t.equals("option"));
        if (tokens.size() != 1 || !MENU_NUMBER.matcher(tokens.get(0)).matches()) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Integer.parseInt(tokens.get(0)));
    }

    /** A yes/no answer: {@code true} for 1/نعم/yes, {@code false} for 2/لا/no, empty otherwise. */
    public static Optional<Boolean> yesNo(String text) {
        String normal = ArabicText.normalize(text);
        List<String> tokens = ArabicText.tokens(normal);
        if (tokens.isEmpty()) {
            return Optional.empty();
        }
        String first = tokens.get(0);
        if (YES.contains(first)) {
            return Optional.of(Boolean.TRUE);
        }
        if (NO.contains(first)) {
            return Optional.of(Boolean.FALSE);
        }
        return Optional.empty();
    }

    /** The words of the keyword table for {@code intent}, normalised, the help keyword first. */
    public static List<String> words(Intent intent) {
        return TABLE.get(intent);
    }

    private static Optional<Map.Entry<String, Intent>> exact(String token) {
        for (String candidate : stripped(token)) {
            Intent intent = BY_WORD.get(candidate);
            if (intent != null) {
                return Optional.of(Map.entry(candidate, intent));
            }
        }
        return Optional.empty();
    }

    private static List<String> stripped(String token) {
        List<String> forms = new ArrayList<>(4);
        forms.add(token);
        for (String prefix : List.of("وال", "ال", "و", "لل")) {
            if (token.startsWith(prefix) && token.length() > prefix.length() + 2) {
                forms.add(token.substring(prefix.length()));
            }
        }
        return forms;
    }

    private static Optional<Map.Entry<String, Intent>> fuzzy(String token) {
        if (token.length() < FUZZY_MIN_LENGTH - 1) {
            return Optional.empty();
        }
        Map.Entry<String, Intent> found = null;
        for (Map.Entry<String, Intent> entry : BY_WORD.entrySet()) {
            String word = entry.getKey();
            if (word.length() >= FUZZY_MIN_LENGTH && withinOneEdit(token, word)) {
                if (found != null && found.getValue() != entry.getValue()) {
                    return Optional.empty(); // ambiguous slip: ask rather than guess
                }
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Levenshtein distance at most one, or one swap of neighbours ("stauts"). */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        if (la == lb) {
            int first = -1;
            int diffs = 0;
            for (int i = 0; i < la; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    if (diffs++ == 0) {
                        first = i;
                    }
                }
            }
            if (diffs == 1) {
                return true;
            }
            return diffs == 2 && first + 1 < la && a.charAt(first) == b.charAt(first + 1)
                    && a.charAt(first + 1) == b.charAt(first) && a.substring(first + 2).equals(b.substring(first + 2));
        }
        String shorter = la < lb ? a : b;
        String longer = la < lb ? b : a;
        int i = 0;
        while (i < shorter.length() && shorter.charAt(i) == longer.charAt(i)) {
            i++;
        }
        return shorter.substring(i).equals(longer.substring(i + 1));
    }

    private static String rawAfterWords(String raw, int words, String fallback) {
        String rest = raw;
        for (int i = 0; i < words; i++) {
            int space = indexOfSpace(rest);
            rest = space < 0 ? "" : rest.substring(space).strip();
        }
        return rest.isEmpty() ? fallback : rest;
    }

    private static int indexOfSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

}
