package sa.civilaffairs.cc.office;

import sa.civilaffairs.cc.text.Language;

/** A text given in Arabic and English, such as an office name, a city or the reason for a closure. */
public record Bilingual(String ar, String en) {
    public Bilingual {
        if (ar == null || ar.isBlank() || en == null || en.isBlank()) {
            throw new IllegalArgumentException("text: ar=" + ar + ", en=" + en + " (expected: both ar and en given)");
        }
        ar = ar.strip();
        en = en.strip();
    }

    public String in(Language language) {
        return language == Language.AR ? ar : en;
    }
}
