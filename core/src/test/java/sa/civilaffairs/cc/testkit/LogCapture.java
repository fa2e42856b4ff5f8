package sa.civilaffairs.cc.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Records what a logger (and its children) logs while open, to assert on warnings and on what logs must never hold
 * (unmasked IDs and phone numbers).
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of("sa.civilaffairs.cc")) {
 *     ...
 *     assertFalse(logs.text().contains(id.value()));
 * }
 * }</pre>
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    private LogCapture(Logger logger) {
        this.logger = logger;
        this.previousLevel = logger.getLevel();
        // debug lines must be masked too, so record them whatever the configuration says
        logger.setLevel(Level.DEBUG);
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts recording {@code loggerName} and everything below it, from DEBUG up. */
    public static LogCapture of(String loggerName) {
        return new LogCapture((Logger) LoggerFactory.getLogger(loggerName));
    }

    public static LogCapture of(Class<?> type) {
        return of(type.getName());
    }

    /** The events so far, oldest first. */
    public List<ILoggingEvent> events() {
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /** The formatted messages at {@code level} ("WARN", "INFO", ...). */
    public List<String> messages(String level) {
        return events().stream().filter(e -> e.getLevel().toString().equals(level))
                .map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** Every formatted message and the messages of attached exceptions, one per line. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : events()) {
            text.append(event.getFormattedMessage()).append('\n');
            for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
        return text.toString();
    }

    public void clear() {
        synchronized (appender) {
            appender.list.clear();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
        logger.setLevel(previousLevel);
    }
}
