package sa.civilaffairs.cc.console.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sa.civilaffairs.cc.console.ConsoleServer;
import sa.civilaffairs.cc.console.LiveDevMode;
import sa.civilaffairs.cc.console.support.ConsoleHarness;
import sa.civilaffairs.cc.console.support.ConsoleClient;
import sa.civilaffairs.cc.console.support.People;
import sa.civilaffairs.cc.console.support.SseClient;
import sa.civilaffairs.cc.testkit.RedisExtension;
import sa.civilaffairs.cc.registry.http.HttpCivilRegistry;
import sa.civilaffairs.cc.testkit.RedisHandle;
import sa.civilaffairs.cc.testkit.RegistryDouble;

/**
 * The dev-mode hook: a console prepared with the case screens, wired to an AMI double playing the demo loop; agent1
 * opens the appointments screen and sees a pop arrive.
 */
@ExtendWith({VertxExtension.class, RedisExtension.class})
class LiveDevModeIT {
    @Test
    void aNewcomerSignedInAsAgent1SeesPopsAndChatsArrive(Vertx vertx, RedisHandle redis) {
        RegistryDouble registry = RegistryDouble.start();
        People.stub(registry);
        HttpCivilRegistry civil = new HttpCivilRegistry(registry.settings());
        // one console with the case screens (as dev mode prepares it) and the live pops
        ConsoleServer prepared = ConsoleHarness.withCases(new ConsoleServer(), redis, civil);
        try (LiveDevMode live = LiveDevMode.start(prepared, Path.of("..", "config"), redis.server().settings(),
                civil, Duration.ofMillis(500))) {
            ConsoleClient agent1 = ConsoleClient.plain(vertx, live.port());
            agent1.signIn("agent1", "agent1-demo-pass").expect(200);
            agent1.get("/appointments").expect(200);
            try (SseClient sse = SseClient.open(agent1)) {
                JsonObject pop = sse.await("pop", p -> true, Duration.ofSeconds(20)).json();
                assertEquals("agent1", pop.getString("agent"));
                assertEquals("1000000016", pop.getString("nationalId"), "a person of demo-people.json");
                JsonObject chat = sse.await("chat", e -> "opened".equals(e.getString("kind")), Duration.ofSeconds(20))
                        .json();
                assertEquals("OPEN", chat.getJsonObject("conversation").getString("status"),
                        "a demo citizen wrote to the SMS chat");
            }
        } finally {
            registry.stop();
        }
    }
}
