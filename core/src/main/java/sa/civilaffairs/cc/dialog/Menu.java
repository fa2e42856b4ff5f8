package sa.civilaffairs.cc.dialog;

import java.util.List;

/**
 * A numbered menu cut into pages that fit the room a message leaves: options keep their numbers across pages, and a
 * page that does not show the last option ends with the "more" line ({@code * المزيد} / {@code * more}).
 * Pure functions.
 */
public final class Menu {

    /** What the citizen types for the next page. */
    public static final String MORE_KEY = "*";

    private Menu() {
    }

    /** One page: its text and the index of the first option of the next page (the size when it is the last). */
    public record Page(String text, int next, boolean more) {
    }

    /**
     * The page of {@code labels} starting at option {@code first} (0-based) that fits in {@code room} characters,
     * always at least one option.
     */
    public static Page page(List<String> labels, int first, int room, String moreLine) {
        StringBuilder text = new StringBuilder();
        int i = first;
        while (i < labels.size()) {
            String line = (i + 1) + " " + labels.get(i);
            boolean last = i == labels.size() - 1;
            int needed = (text.length() == 0 ? 0 : 1) + line.length() + (last ? 0 : 1 + moreLine.length());
            if (text.length() > 0 && text.length() + needed > room) {
                break;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(line);
            i++;
        }
        boolean more = i < labels.size();
        if (more) {
            text.append('\n').append(moreLine);
        }
        return new Page(text.toString(), i, more);
    }

    /** {@code true} when the citizen asks for the next page. */
    public static boolean isMore(String text) {
        String t = text == null ? "" : text.strip();
        if (t.equals(MORE_KEY) || t.equals("#")) {
            return true;
        }
        String normal = sa.civilaffairs.cc.text.ArabicText.normalize(t);
        return normal.equals("المزيد") || normal.equals("مزيد") || normal.equals("more") || normal.equals("next")
                || normal.equals("التالي");
    }
}
