package sa.civilaffairs.cc.smpp.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A message's text cut into what travels in submit_sm: one short_message, or several each starting with an 8-bit
 * concatenation UDH ({@code 05 00 03 ref total seq}, 3GPP TS 23.040 §9.2.3.24.1). GSM-7 parts never split an escape
 * sequence; UCS-2 parts never split a surrogate pair (the garbled second part of Jasmin #256 #437).
 *
 * @param udh whether each payload starts with a UDH (esm_class UDHI must then be set)
 */
public record Segments(Alphabet alphabet, List<byte[]> payloads, boolean udh) {

    public Segments {
        payloads = List.copyOf(payloads);
        if (payloads.isEmpty() || payloads.size() > 255) {
            throw new IllegalArgumentException("segments: " + payloads.size() + " (expected: 1-255)");
        }
    }

    public int count() {
        return payloads.size();
    }

    /** Splits {@code text}; {@code reference} is the concatenation reference (its low 8 bits are used). */
    public static Segments of(String text, int reference) {
        Alphabet alphabet = Alphabet.choose(text);
        List<String> chunks = alphabet == Alphabet.GSM7 ? gsmChunks(text) : ucs2Chunks(text);
        if (chunks.size() == 1) {
            return new Segments(alphabet, List.of(encode(alphabet, chunks.get(0))), false);
        }
        if (chunks.size() > 255) {
            throw new IllegalArgumentException("sms text: " + text.length() + " characters, " + chunks.size()
                    + " segments (expected: at most 255 segments)");
        }
        List<byte[]> out = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            byte[] body = encode(alphabet, chunks.get(i));
            byte[] part = new byte[6 + body.length];
            part[0] = 0x05;
            part[1] = 0x00;
            part[2] = 0x03;
            part[3] = (byte) reference;
            part[4] = (byte) chunks.size();
            part[5] = (byte) (i + 1);
            System.arraycopy(body, 0, part, 6, body.length);
            out.add(part);
        }
        return new Segments(alphabet, out, true);
    }

    /** How many segments {@code text} takes, without encoding it. */
    public static int countFor(String text) {
        Alphabet alphabet = Alphabet.choose(text);
        return (alphabet == Alphabet.GSM7 ? gsmChunks(text) : ucs2Chunks(text)).size();
    }

    private static byte[] encode(Alphabet alphabet, String chunk) {
        return alphabet == Alphabet.GSM7 ? Gsm7.encode(chunk) : chunk.getBytes(StandardCharsets.UTF_16BE);
    }

    private static List<String> gsmChunks(String text) {
        int total = 0;
        for (int i = 0; i < text.length(); i++) {
            total += Gsm7.septets(text.charAt(i));
        }
        if (total <= Alphabet.GSM7.single()) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        int used = 0;
        for (int i = 0; i < text.length(); i++) {
            int s = Gsm7.septets(text.charAt(i));
            if (used + s > Alphabet.GSM7.perPart()) {
                out.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += s;
        }
        out.add(text.substring(start));
        return out;
    }

    private static List<String> ucs2Chunks(String text) {
        if (text.length() <= Alphabet.UCS2.single()) {
            return List.of(text);
        }
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = Math.min(text.length(), start + Alphabet.UCS2.perPart());
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
