package sa.civilaffairs.cc.smpp.codec;

import java.io.ByteArrayOutputStream;

/**
 * The GSM 03.38 default alphabet and its extension table, one septet per octet (the unpacked form SMPP carries with
 * data_coding 0). Characters of the extension table ({@code ^ { } \ [ ~ ] | €} and form feed) take two septets: the
 * escape 0x1B and the character. Pure functions, thread-safe.
 */
public final class Gsm7 {
    static final int ESCAPE = 0x1B;

    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final int[] BASIC_OF = new int[0x10000];
    private static final int[] EXT_OF = new int[0x10000];
    private static final char[] EXT = new char[128];

    static {
        java.util.Arrays.fill(BASIC_OF, -1);
        java.util.Arrays.fill(EXT_OF, -1);
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != ESCAPE) {
                BASIC_OF[BASIC.charAt(i)] = i;
            }
        }
        // extension table (03.38 §6.2.1.1): character, septet after the escape
        int[][] ext = {{'\f', 0x0A}, {'^', 0x14}, {'{', 0x28}, {'}', 0x29}, {'\\', 0x2F}, {'[', 0x3C}, {'~', 0x3D},
            {']', 0x3E}, {'|', 0x40}, {0x20AC, 0x65}};
        for (int[] e : ext) {
            EXT[e[1]] = (char) e[0];
            EXT_OF[e[0]] = e[1];
        }
        if (BASIC.length() != 128) {
            throw new ExceptionInInitializerError("GSM basic table has " + BASIC.length() + " characters");
        }
    }

    private Gsm7() {
    }

    /** Whether every character of {@code text} is in the default alphabet or its extension table. */
    public static boolean canEncode(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (BASIC_OF[c] < 0 && EXT_OF[c] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Septets {@code c} takes: 1, or 2 for the extension table. */
    public static int septets(char c) {
        return BASIC_OF[c] >= 0 ? 1 : 2;
    }

    /** Unpacked septets of {@code text}, which must pass {@link #canEncode}. */
    public static byte[] encode(CharSequence text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int b = BASIC_OF[c];
            if (b >= 0) {
                out.write(b);
            } else if (EXT_OF[c] >= 0) {
                out.write(ESCAPE);
                out.write(EXT_OF[c]);
            } else {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                        + " (expected: one of the GSM 03.38 alphabet)");
            }
        }
        return out.toByteArray();
    }

    /** Decodes unpacked septets from {@code offset}; unknown escapes read as the basic character (03.38 §6.2.1.1). */
    public static String decode(byte[] septets, int offset, int length) {
        StringBuilder sb = new StringBuilder(length);
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            int s = septets[i] & 0x7F;
            if (s == ESCAPE && i + 1 < end) {
                int n = septets[++i] & 0x7F;
                char e = EXT[n];
                sb.append(e != 0 ? e : BASIC.charAt(n));
            } else if (s == ESCAPE) {
                sb.append(' ');
            } else {
                sb.append(BASIC.charAt(s));
            }
        }
        return sb.toString();
    }
}
