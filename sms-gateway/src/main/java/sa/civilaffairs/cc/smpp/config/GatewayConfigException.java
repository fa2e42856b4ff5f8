package sa.civilaffairs.cc.smpp.config;

import sa.civilaffairs.cc.smpp.SmsGatewayException;

/** {@code config/sms-gateway.yaml} is missing or holds a bad value; the message names the key and what was expected. */
public class GatewayConfigException extends SmsGatewayException {
    public GatewayConfigException(String message) {
        super(message);
    }

    public GatewayConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
