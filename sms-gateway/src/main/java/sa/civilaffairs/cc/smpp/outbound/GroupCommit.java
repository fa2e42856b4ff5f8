package sa.civilaffairs.cc.smpp.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs the Redis writes of many sender threads as one script call: each caller hands over its item and waits; one
 * thread takes whatever has gathered (at most {@code max}) and runs the batch. Under load a call carries dozens of
 * messages; alone, a caller waits for its own call only. A failed batch fails every caller in it, who retry.
 */
final class GroupCommit<T, R> implements AutoCloseable {
    private record Pending<T, R>(T item, CompletableFuture<R> result) {
    }

    private final LinkedBlockingQueue<Pending<T, R>> queue = new LinkedBlockingQueue<>();
    private final Function<List<T>, List<R>> batch;
    private final int max;
    private final Thread thread;
    private volatile boolean running = true;

    GroupCommit(String name, int max, Function<List<T>, List<R>> batch) {
        this.batch = batch;
        this.max = max;
        this.thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Runs {@code item} in the next batch and returns its result; a batch failure is rethrown as it was. */
    R call(T item) throws InterruptedException {
        CompletableFuture<R> f = new CompletableFuture<>();
        queue.add(new Pending<>(item, f));
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void loop() {
        List<Pending<T, R>> taken = new ArrayList<>(max);
        List<T> items = new ArrayList<>(max);
        while (running || !queue.isEmpty()) {
            try {
                Pending<T, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                taken.add(first);
                queue.drainTo(taken, max - 1);
            } catch (InterruptedException e) {
                break;
            }
            taken.forEach(p -> items.add(p.item()));
            try {
                List<R> results = batch.apply(items);
                for (int i = 0; i < taken.size(); i++) {
                    taken.get(i).result().complete(results.get(i));
                }
            } catch (RuntimeException e) {
                taken.forEach(p -> p.result().completeExceptionally(e));
            }
            taken.clear();
            items.clear();
        }
        queue.forEach(p -> p.result().completeExceptionally(new IllegalStateException("stopped")));
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
    }
}
