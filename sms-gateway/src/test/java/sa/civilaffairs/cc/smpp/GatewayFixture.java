package sa.civilaffairs.cc.smpp;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.concurrent.locks.LockSupport;
import sa.civilaffairs.cc.smpp.config.GatewayConfig;
import sa.civilaffairs.cc.smsc.SmscSimulator;

/** Configs that point the gateway at a simulator, with short timers for tests; and a poll-until helper. */
final class GatewayFixture {
    private GatewayFixture() {
    }

    static GatewayConfig config(SmscSimulator sim, String mode, int tps, int window) {
        return config(sim, mode, tps, window, "1s");
    }

    static GatewayConfig config(SmscSimulator sim, String mode, int tps, int window, String responseTimeout) {
        return config(sim, mode, tps, window, responseTimeout, "2s");
    }

    static GatewayConfig config(SmscSimulator sim, String mode, int tps, int window, String responseTimeout,
                                String respDoubtAfter) {
        String yaml = """
                binds:
                  - name: sim
                    mode: %s
                    host: 127.0.0.1
                    port: %d
                    systemId: %s
                    password: %s
                    addressRange: "77799"
                    tps: %d
                    window: %d
                link:
                  enquireLink: 2s
                  responseTimeout: %s
                  bindTimeout: 2s
                  rebindMin: 50ms
                  rebindMax: 500ms
                  drainTimeout: 5s
                inbound:
                  dedupeWindow: 60s
                  echoWindow: 200ms
                  respDoubtAfter: %s
                outbound:
                  consumer: test-gateway
                  claimIdle: 2s
                  throttleMax: 200ms
                http:
                  port: 0
                  clients:
                    - name: tests
                      key: test-key-0123456789
                """.formatted(mode, sim.port(), sim.systemId(), sim.password(), tps, window, responseTimeout,
                respDoubtAfter);
        return GatewayConfig.parse(yaml, Map.of());
    }

    /** Polls {@code condition} every 5 ms until true; fails with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            LockSupport.parkNanos(5_000_000);
        }
    }

    static <T> T awaitValue(String what, Duration timeout, Supplier<Optional<T>> value) {
        Object[] box = new Object[1];
        await(what, timeout, () -> {
            Optional<T> v = value.get();
            v.ifPresent(x -> box[0] = x);
            return v.isPresent();
        });
        @SuppressWarnings("unchecked")
        T t = (T) box[0];
        return t;
    }


    /**
     * Uses up the shared test client's pooled connections that died with a Redis restart (each fails once and is
     * discarded), so the next test's flush does not meet one.
     */
    static void discardStaleConnections(redis.clients.jedis.UnifiedJedis client) {
        for (int i = 0; i < 100; i++) {
            try {
                client.ping();
            } catch (redis.clients.jedis.exceptions.JedisException e) {
                continue;
            }
            if (i > 70) {
                return;
            }
        }
    }
}
