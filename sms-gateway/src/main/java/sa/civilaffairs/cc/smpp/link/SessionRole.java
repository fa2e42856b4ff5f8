package sa.civilaffairs.cc.smpp.link;

import org.jsmpp.bean.BindType;

/** What a session is bound for. */
public enum SessionRole {
    TRANSCEIVER(BindType.BIND_TRX, true, true),
    TRANSMITTER(BindType.BIND_TX, true, false),
    RECEIVER(BindType.BIND_RX, false, true);

    private final BindType bindType;
    private final boolean sends;
    private final boolean receives;

    SessionRole(BindType bindType, boolean sends, boolean receives) {
        this.bindType = bindType;
        this.sends = sends;
        this.receives = receives;
    }

    public BindType bindType() {
        return bindType;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }
}
