package sa.civilaffairs.cc.smpp;

/** Root of the exceptions thrown by the SMS gateway; subclasses say which part failed. */
public class SmsGatewayException extends RuntimeException {
    public SmsGatewayException(String message) {
        super(message);
    }

    public SmsGatewayException(String message, Throwable cause) {
        super(message, cause);
    }
}
