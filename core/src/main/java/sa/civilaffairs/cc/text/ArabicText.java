package sa.civilaffairs.cc.text;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;

/**
 * Text as citizens type it, reduced to a form where keywords match whatever spelling was used: the hamza forms of
 * alef, ta marbuta and ha, alef maksura and ya, diacritics, tatweel, digit scripts, case, punctuation and emoji do not
 * matter (PRODUCT.md, "Language" and "SMS on 77799").
 *
 * <p>{@link #normalize} is for matching words, not for reading arguments: punctuation becomes a space, so a number
 * typed with dashes ({@code 1000-000-008}) comes out as several tokens, and a message that is only punctuation (the
 * help keyword {@code ؟}) comes out empty. Parse numbers from the original text with {@link Digits#compactNumber}.
 *
 * <p>Pure functions, thread-safe.
 */
public final class ArabicText {

    private static final char ALEF = '\u0627';
    private static final char HA = '\u0647';
    private static final char YA = '\u064A';
    private static final char WAW = '\u0648';
    private static final char KAF = '\u0643';
    private static final char TATWEEL = '\u0640';

    private ArabicText() {
    }

    /**
     * The matching form of {@code text}: lower case, Arabic letter variants folded, marks and invisible characters
     * removed, every digit Western, punctuation, symbols and emoji turned into spaces, runs of spaces collapsed to one
     * and the ends trimmed. {@code null} gives the empty string. Idempotent: {@code normalize(normalize(x))} equals
     * {@code normalize(x)}.
     */
    public static String normalize(CharSequence text) {
        if (text == null || text.length() == 0) {
            return "";
        }
        // NFKD turns presentation forms (ﻣﻮﻋﺪ, ﻻ) and full-width Latin into plain letters, and splits أ إ آ ؤ ئ into a
        // base letter plus a combining hamza or madda, which the mark filter below then drops.
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingSpace = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            switch (classify(cp)) {
                case DROP -> {
                }
                case SPACE -> pendingSpace = true;
                case KEEP -> {
                    if (pendingSpace && out.length() > 0) {
                        out.append(' ');
                    }
                    pendingSpace = false;
                    out.appendCodePoint(fold(Character.toLowerCase(cp)));
                }
            }
        }
        return out.toString();
    }

    /** The words of {@link #normalize normalize(text)}; empty for blank text. */
    public static List<String> tokens(CharSequence text) {
        String normal = normalize(text);
        return normal.isEmpty() ? List.of() : List.of(normal.split(" "));
    }

    /**
     * The language {@code text} is written in: {@link Language#AR} when it holds any Arabic letter, {@link Language#EN}
     * when it holds Latin letters and no Arabic one, and empty when it holds neither (digits, punctuation, emoji, other
     * scripts), so that the caller keeps the language it already had.
     */
    public static Optional<Language> detectLanguage(CharSequence text) {
        if (text == null) {
            return Optional.empty();
        }
        boolean latin = false;
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.ARABIC) {
                return Optional.of(Language.AR);
            }
            latin |= script == Character.UnicodeScript.LATIN;
        }
        return latin ? Optional.of(Language.EN) : Optional.empty();
    }

    /** {@link #detectLanguage} or, when the text does not tell, {@code fallback}. */
    public static Language languageOr(CharSequence text, Language fallback) {
        return detectLanguage(text).orElse(fallback);
    }

    private enum Treatment { KEEP, DROP, SPACE }

    private static Treatment classify(int cp) {
        if (cp == TATWEEL || (cp >= 0x06D6 && cp <= 0x06ED)) {
            return Treatment.DROP; // tatweel and the Quranic annotation marks (some are not category Mn)
        }
        if (cp == '\u066B' || cp == '\u066C' || cp == '\u06D4') {
            return Treatment.SPACE; // Arabic decimal and thousands separators, Arabic full stop
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return Treatment.SPACE;
        }
        return switch (Character.getType(cp)) {
            // diacritics (harakat, shadda, sukun, superscript alef), combining hamza and madda after NFKD, emoji
            // variation selectors and keycaps, so "1️⃣" is "1"
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> Treatment.DROP;
            // zero-width (non-)joiners and spaces, bidi marks and embeddings, BOM, private use, broken surrogates
            case Character.FORMAT, Character.PRIVATE_USE, Character.SURROGATE -> Treatment.DROP;
            case Character.CONTROL -> Treatment.SPACE;
            // Latin and Arabic punctuation (، ؛ ؟ ٪ ...), symbols and emoji; UNASSIGNED because emoji newer than
            // the JDK's Unicode tables are unassigned to it
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
                    Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL,
                    Character.UNASSIGNED -> Treatment.SPACE;
            default -> Treatment.KEEP;
        };
    }

    private static int fold(int cp) {
        return switch (cp) {
            case '\u0623', '\u0625', '\u0622', '\u0671', '\u0672', '\u0673' -> ALEF; // أ إ آ ٱ and wavy-hamza alefs
            case '\u0629' -> HA; // ة
            case '\u0649', '\u06CC', '\u0626' -> YA; // ى, Farsi yeh (Persian keyboards), ئ
            case '\u0624' -> WAW; // ؤ
            case '\u06A9' -> KAF; // keheh (Persian keyboards)
            default -> cp <= 0xFFFF ? Digits.toWestern((char) cp) : cp;
        };
    }
}
