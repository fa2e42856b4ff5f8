package sa.civilaffairs.cc.console.config;

import sa.civilaffairs.cc.console.ConsoleException;

/** A configuration value that is missing or wrong; the message names the key, the value and what was expected. */
public class ConfigException extends ConsoleException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
