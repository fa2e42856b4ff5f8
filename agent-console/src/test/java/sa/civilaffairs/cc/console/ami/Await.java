package sa.civilaffairs.cc.console.ami;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition by polling (never a fixed sleep); fails with a message saying what was awaited. */
final class Await {
    private Await() {
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, Duration.ofSeconds(10), condition);
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what, e);
            }
        }
    }

    static void until(String what, BooleanSupplier condition, Supplier<String> detail) {
        try {
            until(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (" + detail.get() + ")", e);
        }
    }

    static <T> T value(String what, Supplier<T> supplier, java.util.function.Predicate<T> ok) {
        until(what, () -> ok.test(supplier.get()));
        return supplier.get();
    }
}
