package sa.civilaffairs.cc.smpp.codec;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reading an incoming short message: the concatenation header (8-bit and 16-bit references, 3GPP TS 23.040
 * §9.2.3.24.1 and .8) and the text in the alphabet data_coding names. Pure functions, thread-safe.
 */
public final class UserData {
    private UserData() {
    }

    /** Concatenation info from a UDH; {@code ref} is 0-255 or 0-65535. */
    public record Concat(int ref, int total, int seq) {
    }

    /** Octets the UDH takes, its length octet included; 0 when {@code data} is too short to hold one. */
    public static int headerLength(byte[] data) {
        if (data.length == 0) {
            return 0;
        }
        int len = (data[0] & 0xFF) + 1;
        return len <= data.length ? len : 0;
    }

    /** The concatenation element of the UDH at the start of {@code data}, or null when it has none. */
    public static Concat concat(byte[] data) {
        int end = headerLength(data);
        int i = 1;
        while (i + 1 < end) {
            int iei = data[i] & 0xFF;
            int len = data[i + 1] & 0xFF;
            int v = i + 2;
            if (v + len > end) {
                return null;
            }
            if (iei == 0x00 && len == 3) {
                return new Concat(data[v] & 0xFF, data[v + 1] & 0xFF, data[v + 2] & 0xFF);
            }
            if (iei == 0x08 && len == 4) {
                return new Concat(((data[v] & 0xFF) << 8) | (data[v + 1] & 0xFF), data[v + 2] & 0xFF,
                        data[v + 3] & 0xFF);
            }
            i = v + len;
        }
        return null;
    }

    /**
     * Decodes {@code length} octets from {@code offset} as {@code dataCoding} says (SMPP 3.4 §5.2.19, GSM 03.38 §4):
     * GSM-7 for 0 and the GSM-7 coding groups, UCS-2 for 8 and its coding groups, Latin-1 for 3 and 8-bit data, ASCII
     * for 1; anything else as Latin-1, so no octet is lost.
     */
    public static String decode(byte dataCoding, byte[] data, int offset, int length) {
        int dc = dataCoding & 0xFF;
        return switch (kind(dc)) {
            case GSM7 -> Gsm7.decode(data, offset, length);
            case UCS2 -> new String(data, offset, length - (length % 2), StandardCharsets.UTF_16BE);
            case LATIN1 -> new String(data, offset, length, StandardCharsets.ISO_8859_1);
            case ASCII -> new String(data, offset, length, StandardCharsets.US_ASCII);
            case CYRILLIC -> new String(data, offset, length, Charset.forName("ISO-8859-5"));
            case HEBREW -> new String(data, offset, length, Charset.forName("ISO-8859-8"));
        };
    }

    private enum Kind { GSM7, UCS2, LATIN1, ASCII, CYRILLIC, HEBREW }

    private static Kind kind(int dc) {
        if ((dc & 0xF0) == 0xF0) {
            return (dc & 0x04) == 0 ? Kind.GSM7 : Kind.LATIN1;
        }
        if ((dc & 0xC0) == 0x00 && (dc & 0x10) != 0 || (dc & 0xC0) == 0x40) {
            // general data coding group with message class: bits 3-2 name the alphabet
            return switch ((dc >> 2) & 0x03) {
                case 0 -> Kind.GSM7;
                case 2 -> Kind.UCS2;
                default -> Kind.LATIN1;
            };
        }
        if ((dc & 0xF0) == 0xE0) {
            return Kind.UCS2; // message waiting group, UCS-2
        }
        return switch (dc) {
            case 0x00 -> Kind.GSM7;
            case 0x01 -> Kind.ASCII;
            case 0x06 -> Kind.CYRILLIC;
            case 0x07 -> Kind.HEBREW;
            case 0x08 -> Kind.UCS2;
            default -> Kind.LATIN1;
        };
    }
}
