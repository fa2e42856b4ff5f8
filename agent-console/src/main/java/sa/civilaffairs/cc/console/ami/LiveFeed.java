package sa.civilaffairs.cc.console.ami;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import sa.civilaffairs.cc.console.live.AgentControl;
import sa.civilaffairs.cc.console.live.AgentDirectory;
import sa.civilaffairs.cc.console.live.AmiHealth;
import sa.civilaffairs.cc.console.live.LiveCallModel;
import sa.civilaffairs.cc.console.live.LiveView;

/**
 * The live contact center of one console instance: the AMI link feeding the live call model. The web side
 * subscribes to {@link #view()} (screen pops, supervisor snapshot) and sets agent states through {@link #control()}.
 */
public final class LiveFeed implements AutoCloseable {
    private final LiveCallModel model;
    private final AmiClient client;
    private final AgentControl control;

    private LiveFeed(AmiSettings settings, AgentDirectory directory, Clock clock, ZoneId zone) {
        this.model = new LiveCallModel(directory, zone, Duration.ofMinutes(15), clock.instant());
        this.client = new AmiClient(settings, model::apply, clock);
        this.control = new AmiAgentControl(client, directory);
    }

    /** Starts connecting to Asterisk in the background; the view is usable at once (health CONNECTING). */
    public static LiveFeed start(AmiSettings settings, AgentDirectory directory, Clock clock, ZoneId zone) {
        LiveFeed feed = new LiveFeed(settings, directory, clock, zone);
        feed.client.start();
        return feed;
    }

    public static LiveFeed start(AmiSettings settings, AgentDirectory directory) {
        return start(settings, directory, Clock.systemUTC(), ZoneId.of("Asia/Riyadh"));
    }

    public LiveView view() {
        return model;
    }

    public AgentControl control() {
        return control;
    }

    public AmiHealth health() {
        return client.health();
    }

    /** The AMI link itself (counters for tests and benchmarks, a manual resync). */
    public AmiClient client() {
        return client;
    }

    /** Logs off Asterisk and stops the AMI threads. */
    @Override
    public void close() {
        client.close();
    }
}
