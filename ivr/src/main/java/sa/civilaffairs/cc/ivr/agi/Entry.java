package sa.civilaffairs.cc.ivr.agi;

/**
 * What a caller gave when asked. Timeout, a bare {@code #} and digits are three different outcomes (issue 5).
 */
public sealed interface Entry {

    /** One key of a menu: {@code 0-9}, {@code *} or {@code #}. */
    record Key(char key) implements Entry {
    }

    /** Digits of an entry; {@code terminated} when the caller ended them with {@code #} (or filled the maximum). */
    record Digits(String digits, boolean terminated) implements Entry {
    }

    /** A bare {@code #}. */
    record Empty() implements Entry {
    }

    /** Nothing before the timeout. */
    record Silence() implements Entry {
    }

    default boolean is(char key) {
        return this instanceof Key k && k.key() == key;
    }
}
