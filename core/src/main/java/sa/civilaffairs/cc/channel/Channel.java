package sa.civilaffairs.cc.channel;

/** Where a request came from; recorded on every appointment, request and status change. */
public enum Channel {
    SMS, IVR, CONSOLE
}
