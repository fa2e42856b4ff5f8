package sa.civilaffairs.cc.console.support;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.testkit.RedisHandle;

/**
 * Base of the console ITs that need one {@link ConsoleHarness} per test with the default test settings: started
 * before each test on the test's Vert.x and real Redis, closed after it.
 */
@ExtendWith({VertxExtension.class, RedisExtension.class})
public abstract class RunningConsole {
    protected ConsoleHarness console;
    protected RedisHandle redis;

    @BeforeEach
    protected final void startConsole(Vertx vertx, RedisHandle redis) {
        this.redis = redis;
        console = ConsoleHarness.start(vertx, redis);
    }

    @AfterEach
    protected final void stopConsole() {
        console.close();
    }
}
