package sa.civilaffairs.cc.dialog.sms;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.dialog.DialogEngine;
import sa.civilaffairs.cc.dialog.redis.RedisDialogs;
import sa.civilaffairs.cc.notify.MessageTemplates;
import sa.civilaffairs.cc.office.OfficeCatalogue;
import sa.civilaffairs.cc.registry.CivilRegistry;

/**
 * The SMS side of the dialogs as one deployable unit beside the SMPP gateway: the consumer of {@code {sms}:inbound}
 * and the reminder sender (every {@code reminderEvery}). {@link #close()} stops both, finishing the batch in hand.
 *
 * <pre>{@code
 * try (DialogSmsService dialogs = DialogSmsService.start(redis, registry, catalogue, templates,
 *         RiyadhTime.systemClock(), DialogSmsSettings.defaults(hostName), Duration.ofMinutes(1))) {
 *     ...
 * }
 * }</pre>
 */
public final class DialogSmsService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DialogSmsService.class);

    private final RedisDialogs dialogs;
    private final DialogSmsConsumer consumer;
    private final ScheduledExecutorService reminders;

    private DialogSmsService(RedisDialogs dialogs, DialogSmsConsumer consumer, ScheduledExecutorService reminders) {
        this.dialogs = dialogs;
        this.consumer = consumer;
        this.reminders = reminders;
    }

    public static DialogSmsService start(UnifiedJedis redis, CivilRegistry registry, OfficeCatalogue catalogue,
                                         MessageTemplates templates, Clock clock, DialogSmsSettings settings,
                                         Duration reminderEvery) {
        if (reminderEvery == null || reminderEvery.toMillis() < 1) {
            throw new IllegalArgumentException("reminderEvery: " + reminderEvery + " (expected: a positive duration)");
        }
        RedisDialogs dialogs = RedisDialogs.create(redis, registry, catalogue, templates, clock,
                DialogEngine.Settings.DEFAULTS);
        DialogSmsConsumer consumer = new DialogSmsConsumer(redis, dialogs.engine(), settings, clock);
        ScheduledExecutorService reminders = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dialog-reminders");
            t.setDaemon(true);
            return t;
        });
        DialogSmsService service = new DialogSmsService(dialogs, consumer, reminders);
        consumer.start();
        reminders.scheduleWithFixedDelay(service::sendReminders, 0, reminderEvery.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("SMS dialogs started: consumer {} on {}", settings.consumer(), DialogSmsConsumer.INBOUND);
        return service;
    }

    public RedisDialogs dialogs() {
        return dialogs;
    }

    public DialogSmsConsumer consumer() {
        return consumer;
    }

    private void sendReminders() {
        try {
            int sent = dialogs.reminders().sendDue();
            if (sent > 0) {
                LOG.info("appointment reminders queued: {}", sent);
            }
        } catch (RuntimeException e) {
            LOG.warn("appointment reminders failed, retried at the next run: {}", e.toString());
        }
    }

    @Override
    public void close() {
        reminders.shutdown();
        consumer.close();
        try {
            reminders.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
