package sa.civilaffairs.cc.smpp.outbound;

import sa.civilaffairs.cc.outbox.OutboundSms;
import sa.civilaffairs.cc.smpp.codec.Segments;

/** An outbox entry waiting for a sender; ordered by lane (REPLY first), then by arrival. */
record Job(OutboundSms sms, String entryId, Segments segments, long order) implements Comparable<Job> {
    @Override
    public int compareTo(Job o) {
        int c = Integer.compare(sms.lane().ordinal(), o.sms.lane().ordinal());
        return c != 0 ? c : Long.compare(order, o.order);
    }
}
