package sa.civilaffairs.cc.smpp.inbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import sa.civilaffairs.cc.smpp.Handset;
import sa.civilaffairs.cc.smpp.codec.UserData;
import sa.civilaffairs.cc.smpp.receipt.Receipt;
import sa.civilaffairs.cc.smpp.receipt.SmscMessageId;

/**
 * Reads a deliver_sm: a citizen's message (part) or a delivery receipt. Text comes from short_message or, when it is
 * empty, message_payload; concatenation from the UDH (esm_class UDHI) or the SAR TLVs. Pure, thread-safe.
 */
public final class DeliverSmReader {
    private static final Pattern RECEIPT_ID = Pattern.compile("(?i)\\bid:\\s*([0-9A-Za-z-]+)");
    private static final Pattern RECEIPT_STAT = Pattern.compile("(?i)\\bstat:\\s*([A-Z]+)");
    private static final Pattern RECEIPT_ERR = Pattern.compile("(?i)\\berr:\\s*([0-9A-Za-z]+)");

    private DeliverSmReader() {
    }

    /** esm_class says SMSC delivery receipt or intermediate delivery notification. */
    public static boolean isReceipt(DeliverSm d) {
        return d.isSmscDeliveryReceipt() || d.isIntermediateDeliveryNotification();
    }

    public static MoPart readMessage(DeliverSm d) {
        byte[] data = body(d);
        int ref = 0;
        int total = 1;
        int seq = 1;
        int offset = 0;
        if (d.isUdhi() || d.isUdhiAndReplyPath()) {
            offset = UserData.headerLength(data);
            UserData.Concat c = UserData.concat(data);
            if (c != null && c.total() > 1) {
                ref = c.ref();
                total = c.total();
                seq = c.seq();
            }
        } else {
            byte[] sarRef = tlv(d, OptionalParameter.Tag.SAR_MSG_REF_NUM);
            byte[] sarTotal = tlv(d, OptionalParameter.Tag.SAR_TOTAL_SEGMENTS);
            byte[] sarSeq = tlv(d, OptionalParameter.Tag.SAR_SEGMENT_SEQNUM);
            if (sarRef != null && sarTotal != null && sarSeq != null && sarRef.length == 2 && sarTotal.length == 1
                    && sarSeq.length == 1 && (sarTotal[0] & 0xFF) > 1) {
                ref = ((sarRef[0] & 0xFF) << 8) | (sarRef[1] & 0xFF);
                total = sarTotal[0] & 0xFF;
                seq = sarSeq[0] & 0xFF;
            }
        }
        if (total > 1 && (seq < 1 || seq > total)) {
            // a broken header: keep the text as a message of its own rather than lose it
            total = 1;
            seq = 1;
        }
        String text = UserData.decode(d.getDataCoding(), data, offset, data.length - offset);
        String from = Handset.normalise(d.getSourceAddr());
        String to = d.getDestAddress() == null ? "" : d.getDestAddress().strip();
        // some SMSCs give each MO an id (receipted_message_id on a deliver_sm that is not a receipt): kept, and part of
        // the fingerprint, so two identical texts from one number are two messages
        byte[] smscId = tlv(d, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        return new MoPart(from, to, text, ref, total, seq, smscId == null ? "" : cString(smscId), fingerprint(d, data),
                d.getDataCoding(),
                Arrays.copyOfRange(data, offset, data.length));
    }

    public static Receipt readReceipt(DeliverSm d) {
        String text = new String(body(d), StandardCharsets.ISO_8859_1);
        byte[] rid = tlv(d, OptionalParameter.Tag.RECEIPTED_MESSAGE_ID);
        String id = rid != null ? cString(rid) : find(RECEIPT_ID, text);
        String stat = find(RECEIPT_STAT, text).toUpperCase(Locale.ROOT);
        byte[] state = tlv(d, OptionalParameter.Tag.MESSAGE_STATE);
        if (state != null && state.length == 1) {
            stat = switch (state[0]) {
                case 1 -> "ENROUTE";
                case 2 -> "DELIVRD";
                case 3 -> "EXPIRED";
                case 4 -> "DELETED";
                case 5 -> "UNDELIV";
                case 6 -> "ACCEPTD";
                case 8 -> "REJECTD";
                default -> stat.isEmpty() ? "UNKNOWN" : stat;
            };
        }
        Receipt.Outcome outcome = switch (stat) {
            case "DELIVRD", "DELIVERED" -> Receipt.Outcome.DELIVERED;
            case "EXPIRED", "DELETED", "UNDELIV", "REJECTD", "UNDELIVERABLE", "REJECTED" -> Receipt.Outcome.FAILED;
            default -> Receipt.Outcome.PENDING;
        };
        return new Receipt(SmscMessageId.normalise(id), outcome, stat, find(RECEIPT_ERR, text),
                Handset.normalise(d.getSourceAddr()));
    }

    private static byte[] body(DeliverSm d) {
        byte[] sm = d.getShortMessage();
        if (sm != null && sm.length > 0) {
            return sm;
        }
        byte[] payload = tlv(d, OptionalParameter.Tag.MESSAGE_PAYLOAD);
        return payload != null ? payload : new byte[0];
    }

    /** The value octets of a TLV, or null when absent. */
    static byte[] tlv(DeliverSm d, OptionalParameter.Tag tag) {
        OptionalParameter p = d.getOptionalParameter(tag.code());
        if (p == null) {
            return null;
        }
        byte[] s = p.serialize();
        return Arrays.copyOfRange(s, 4, s.length);
    }

    private static String cString(byte[] v) {
        int n = v.length;
        while (n > 0 && v[n - 1] == 0) {
            n--;
        }
        return new String(v, 0, n, StandardCharsets.ISO_8859_1);
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "";
    }

    private static String fingerprint(DeliverSm d, byte[] data) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(d.getSourceAddr()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(d.getDestAddress()).getBytes(StandardCharsets.UTF_8));
            sha.update(new byte[] {0, d.getDataCoding(), d.getEsmClass()});
            sha.update(data);
            OptionalParameter[] tlvs = d.getOptionalParameters();
            if (tlvs != null) {
                for (OptionalParameter p : tlvs) {
                    sha.update(p.serialize());
                }
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
