package sa.civilaffairs.cc.config;

import sa.civilaffairs.cc.DomainException;

/** Configuration that is missing or invalid; the message names the setting or file and what was expected. */
public class ConfigException extends DomainException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
