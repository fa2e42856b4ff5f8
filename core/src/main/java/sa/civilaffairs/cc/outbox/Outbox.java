package sa.civilaffairs.cc.outbox;

/** Where any module puts an SMS to be sent; the SMS gateway consumes it. Durable once {@link #enqueue} returns. */
public interface Outbox {
    /** Appends the message; returns its {@link OutboundSms#id()}. */
    String enqueue(OutboundSms sms);
}
