package sa.civilaffairs.cc.dialog;

import java.util.Objects;
import sa.civilaffairs.cc.office.Bilingual;
import sa.civilaffairs.cc.text.Language;

/** One numbered option of a menu: the key that {@link SlotSelection} stores and its label in both languages. */
public record Choice(String key, Bilingual label) {
    public Choice {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
    }

    public String label(Language language) {
        return label.in(language);
    }
}
