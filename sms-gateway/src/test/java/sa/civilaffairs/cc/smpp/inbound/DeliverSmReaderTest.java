package sa.civilaffairs.cc.smpp.inbound;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.junit.jupiter.api.Test;
import sa.civilaffairs.cc.smpp.receipt.Receipt;

class DeliverSmReaderTest {
    private static DeliverSm receipt(String text, OptionalParameter... tlvs) {
        DeliverSm d = new DeliverSm();
        d.setEsmClass((byte) 0x04);
        d.setSourceAddr("0501234567");
        d.setDestAddress("77799");
        d.setShortMessage(text.getBytes(StandardCharsets.ISO_8859_1));
        d.setOptionalParameters(tlvs);
        return d;
    }

    @Test
    void receiptFromTextAlone() {
        DeliverSm d = receipt("id:0000ABC12 sub:001 dlvrd:000 submit date:2612041200 done date:2612041201 "
                + "stat:UNDELIV err:034 text:hello");
        assertTrue(DeliverSmReader.isReceipt(d));
        Receipt r = DeliverSmReader.readReceipt(d);
        assertEquals("abc12", r.smscMessageId());
        assertEquals(Receipt.Outcome.FAILED, r.outcome());
        assertEquals("UNDELIV", r.stat());
        assertEquals("034", r.error());
        assertEquals("966501234567", r.handset());
    }

    @Test
    void tlvsWinOverTheText() {
        DeliverSm d = receipt("id:999 stat:ENROUTE err:000",
                new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), "0777"),
                new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) 2));
        Receipt r = DeliverSmReader.readReceipt(d);
        assertEquals("777", r.smscMessageId());
        assertEquals(Receipt.Outcome.DELIVERED, r.outcome());
    }

    @Test
    void intermediateStatesChangeNothing() {
        assertEquals(Receipt.Outcome.PENDING,
                DeliverSmReader.readReceipt(receipt("id:5 stat:ACCEPTD err:000")).outcome());
    }

    @Test
    void sarPartsAndPayload() {
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("+966501234567");
        d.setDestAddress("77799");
        d.setDataCoding((byte) 8);
        d.setShortMessage(new byte[0]);
        d.setOptionalParameters(new OptionalParameter.OctetString(OptionalParameter.Tag.MESSAGE_PAYLOAD.code(),
                "موعد".getBytes(StandardCharsets.UTF_16BE)), OptionalParameters.newSarMsgRefNum((short) 300),
                OptionalParameters.newSarTotalSegments(3), OptionalParameters.newSarSegmentSeqnum(2));
        assertFalse(DeliverSmReader.isReceipt(d));
        MoPart p = DeliverSmReader.readMessage(d);
        assertEquals("موعد", p.text());
        assertEquals(300, p.ref());
        assertEquals(3, p.total());
        assertEquals(2, p.seq());
        assertEquals("966501234567", p.from());
    }

    @Test
    void aBrokenHeaderKeepsTheTextAsAMessage() {
        DeliverSm d = new DeliverSm();
        d.setSourceAddr("966501234567");
        d.setDestAddress("77799");
        d.setEsmClass((byte) 0x40);
        d.setShortMessage(new byte[] {5, 0, 3, 1, 2, 7, 'h', 'i'}); // part 7 of 2
        MoPart p = DeliverSmReader.readMessage(d);
        assertEquals(1, p.total());
        assertEquals("hi", p.text());
    }

    @Test
    void fingerprintsTellRetransmissionsFromNewMessages() {
        DeliverSm a = new DeliverSm();
        a.setSourceAddr("966501234567");
        a.setDestAddress("77799");
        a.setShortMessage("1".getBytes(StandardCharsets.ISO_8859_1));
        DeliverSm b = new DeliverSm();
        b.setSourceAddr("966501234567");
        b.setDestAddress("77799");
        b.setShortMessage("2".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(DeliverSmReader.readMessage(a).fingerprint(), DeliverSmReader.readMessage(a).fingerprint());
        assertNotEquals(DeliverSmReader.readMessage(a).fingerprint(), DeliverSmReader.readMessage(b).fingerprint());
        // the same text again, with the SMSC's own id for each message: two messages
        String before = DeliverSmReader.readMessage(a).fingerprint();
        a.setOptionalParameters(new OptionalParameter.COctetString(
                OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), "MO-2"));
        MoPart withId = DeliverSmReader.readMessage(a);
        assertEquals("MO-2", withId.smscMessageId());
        assertNotEquals(before, withId.fingerprint());
    }
}
