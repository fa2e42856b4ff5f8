package sa.civilaffairs.cc.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import redis.clients.jedis.UnifiedJedis;
import sa.civilaffairs.cc.redis.LocalRedisServer;

/**
 * Starts a real {@code redis-server} on a free port for a test class, flushes it before each test, and injects a
 * {@link RedisHandle} into constructors, lifecycle methods and test methods.
 *
 * <pre>{@code
 * @ExtendWith(RedisExtension.class)
 * class AppointmentBookIT {
 *     @Test void books(RedisHandle redis) { ... redis.client() ... }
 * }
 * }</pre>
 */
public final class RedisExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(RedisExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        handle(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RedisHandle handle = context.getStore(NS).remove("handle", RedisHandle.class);
        if (handle != null) {
            handle.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        RedisHandle handle = handle(context);
        handle.server().startAgain();
        handle.client().flushAll();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RedisHandle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return handle(context);
    }

    private static RedisHandle handle(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().get();
        }
        return classContext.getStore(NS).getOrComputeIfAbsent("handle", k -> {
            LocalRedisServer server = LocalRedisServer.start(0, null, false);
            UnifiedJedis client = server.settings().connect();
            return new RedisHandle(server, client);
        }, RedisHandle.class);
    }
}
