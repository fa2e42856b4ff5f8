package sa.civilaffairs.cc.smpp.codec;

/** How a message's text travels: SMPP data_coding and the room one segment has, alone or with a concatenation UDH. */
public enum Alphabet {
    /** GSM 03.38 default alphabet, data_coding 0, unpacked septets. */
    GSM7((byte) 0x00, 160, 153),
    /** UCS-2 (UTF-16BE), data_coding 8: Arabic and anything outside GSM-7. Units are UTF-16 code units. */
    UCS2((byte) 0x08, 70, 67);

    private final byte dataCoding;
    private final int single;
    private final int perPart;

    Alphabet(byte dataCoding, int single, int perPart) {
        this.dataCoding = dataCoding;
        this.single = single;
        this.perPart = perPart;
    }

    public byte dataCoding() {
        return dataCoding;
    }

    /** Units (septets or UTF-16 code units) that fit in one unsegmented message. */
    public int single() {
        return single;
    }

    /** Units per segment of a concatenated message (6 octets of UDH taken). */
    public int perPart() {
        return perPart;
    }

    /** GSM-7 when every character has a GSM-7 form, else UCS-2. */
    public static Alphabet choose(CharSequence text) {
        return Gsm7.canEncode(text) ? GSM7 : UCS2;
    }
}
