package sa.civilaffairs.cc.smsc;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import sa.civilaffairs.cc.smpp.codec.Alphabet;
import sa.civilaffairs.cc.smpp.codec.Gsm7;
import sa.civilaffairs.cc.smpp.codec.Segments;

/**
 * A deliver_sm the simulator sends as a citizen's message (part): addresses, data_coding, esm_class, short_message and
 * TLVs. Factories build what real SMSCs send: GSM-7, UCS-2, Latin-1, message_payload, and long messages split with an
 * 8-bit or 16-bit concatenation UDH or with SAR TLVs.
 */
public record MoPdu(String from, String to, byte dataCoding, byte esmClass, byte[] shortMessage,
                    List<OptionalParameter> tlvs) {

    /** How a long message's parts say they belong together. */
    public enum Concat { UDH8, UDH16, SAR }

    public MoPdu {
        shortMessage = shortMessage == null ? new byte[0] : shortMessage;
        tlvs = List.copyOf(tlvs);
        if (shortMessage.length > 254) {
            throw new IllegalArgumentException("short_message: " + shortMessage.length
                    + " octets (expected: at most 254; use payload())");
        }
    }

    /** One message in GSM-7 when it can be, else UCS-2; must fit one deliver_sm. */
    public static MoPdu text(String from, String to, String text) {
        Alphabet a = Alphabet.choose(text);
        return new MoPdu(from, to, a.dataCoding(), (byte) 0, encode(a, text), List.of());
    }

    /** One message in Latin-1 (data_coding 3). */
    public static MoPdu latin1(String from, String to, String text) {
        return new MoPdu(from, to, (byte) 0x03, (byte) 0, text.getBytes(StandardCharsets.ISO_8859_1), List.of());
    }

    /** The whole text in message_payload, short_message empty. */
    public static MoPdu payload(String from, String to, String text) {
        Alphabet a = Alphabet.choose(text);
        return new MoPdu(from, to, a.dataCoding(), (byte) 0, new byte[0],
                List.of(new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                        encode(a, text))));
    }

    /** The parts of {@code text} (at least two) in order 1..n. */
    public static List<MoPdu> concatenated(String from, String to, String text, int ref, Concat concat) {
        Segments seg = Segments.of(text, ref);
        if (seg.count() < 2) {
            throw new IllegalArgumentException("text: fits one message (expected: a long text)");
        }
        List<MoPdu> out = new ArrayList<>();
        int n = seg.count();
        for (int i = 0; i < n; i++) {
            byte[] withUdh = seg.payloads().get(i);
            byte[] body = java.util.Arrays.copyOfRange(withUdh, 6, withUdh.length);
            byte dc = seg.alphabet().dataCoding();
            switch (concat) {
                case UDH8 -> out.add(new MoPdu(from, to, dc, (byte) 0x40, withUdh, List.of()));
                case UDH16 -> {
                    byte[] udh = {0x06, 0x08, 0x04, (byte) (ref >> 8), (byte) ref, (byte) n, (byte) (i + 1)};
                    byte[] pdu = new byte[udh.length + body.length];
                    System.arraycopy(udh, 0, pdu, 0, udh.length);
                    System.arraycopy(body, 0, pdu, udh.length, body.length);
                    out.add(new MoPdu(from, to, dc, (byte) 0x40, pdu, List.of()));
                }
                case SAR -> out.add(new MoPdu(from, to, dc, (byte) 0, body, List.of(
                        OptionalParameters.newSarMsgRefNum((short) ref), OptionalParameters.newSarTotalSegments(n),
                        OptionalParameters.newSarSegmentSeqnum(i + 1))));
            }
        }
        return out;
    }

    private static byte[] encode(Alphabet a, String text) {
        return a == Alphabet.GSM7 ? Gsm7.encode(text) : text.getBytes(StandardCharsets.UTF_16BE);
    }
}
