package sa.civilaffairs.cc.devmode;

import java.util.concurrent.CountDownLatch;
import sa.civilaffairs.cc.redis.LocalRedisServer;

/** Dev mode: every part of the system on embedded defaults, in one process. Ctrl-C stops it cleanly. */
public final class DevMode {
    private DevMode() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        LocalRedisServer redis = LocalRedisServer.startEphemeral();
        System.out.println("redis           127.0.0.1:" + redis.port());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            redis.close();
            System.out.println("stopped");
            stopped.countDown();
        }, "devmode-shutdown"));
        stopped.await();
    }
}
