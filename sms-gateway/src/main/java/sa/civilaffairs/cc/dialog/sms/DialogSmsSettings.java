package sa.civilaffairs.cc.dialog.sms;

import java.time.Duration;

/**
 * How the dialog consumer reads {@code {sms}:inbound}: its consumer group and name, the short code (messages from it
 * are ignored), how many entries per read, how long a read blocks, after how long another consumer's unacknowledged
 * entry is claimed (its consumer crashed), how many attempts a failing entry gets, and how many worker threads
 * (one number's messages always go to the same worker, in order).
 */
public record DialogSmsSettings(String group, String consumer, String shortCode, int batch, Duration block,
                                Duration claimIdle, int maxAttempts, int workers) {

    public static final String GROUP = "dialogs";

    public DialogSmsSettings {
        require(group != null && !group.isBlank(), "group: empty (expected: a consumer group name)");
        require(consumer != null && !consumer.isBlank(), "consumer: empty (expected: a unique consumer name)");
        require(shortCode != null && shortCode.matches("\\d{3,8}"), "shortCode: " + shortCode
                + " (expected: 3-8 digits, e.g. 77799)");
        require(batch >= 1 && batch <= 1000, "batch: " + batch + " (expected: 1-1000)");
        require(block != null && !block.isNegative() && block.toMillis() >= 1, "block: " + block
                + " (expected: at least 1 ms)");
        require(claimIdle != null && claimIdle.toMillis() >= 1, "claimIdle: " + claimIdle
                + " (expected: at least 1 ms)");
        require(maxAttempts >= 1, "maxAttempts: " + maxAttempts + " (expected: at least 1)");
        require(workers >= 1 && workers <= 64, "workers: " + workers + " (expected: 1-64)");
    }

    public static DialogSmsSettings defaults(String consumer) {
        return new DialogSmsSettings(GROUP, consumer, "77799", 100, Duration.ofMillis(200), Duration.ofSeconds(30),
                5, 4);
    }

    public DialogSmsSettings withClaimIdle(Duration idle) {
        return new DialogSmsSettings(group, consumer, shortCode, batch, block, idle, maxAttempts, workers);
    }

    public DialogSmsSettings withConsumer(String name) {
        return new DialogSmsSettings(group, name, shortCode, batch, block, claimIdle, maxAttempts, workers);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("dialog consumer " + message);
        }
    }
}
