package be.uliege.library.registration.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;

/**
 * What a thread of its own reads from the file while the load's own thread writes what was read
 * before (issue 16: reading and the database side by side). A bounded hand-off: at most {@code
 * capacity} values wait, and at most {@code budget} of their weight (a row's characters: a few
 * large rows weigh as much as many small ones), so memory stays flat; what stops the reading (a refused file) is thrown in
 * the load's thread; once closed, the reading thread ends at its next value.
 *
 * @param <T> what is read: a row, a batch of rows
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Where the reading thread puts what it read: false once the load closed the hand-off (stop reading). */
    interface Sink<T> {
        boolean put(T value);
    }

    /** A value and the weight it holds, the end of the reading (neither), or what stopped it. */
    private record Item<T>(
            @Nullable T value, int weight, @Nullable RuntimeException failure) {}

    private final BlockingQueue<Item<T>> queue;
    private final Semaphore weights;
    private final Thread thread;
    private volatile boolean closing;
    private boolean ended;

    /** At most {@code capacity} values waiting, whatever they weigh. */
    ReadAhead(String name, int capacity, Consumer<Sink<T>> reading) {
        this(name, capacity, Integer.MAX_VALUE, value -> 0, reading);
    }

    /**
     * At most {@code capacity} values waiting, and at most {@code budget} of their weight; a single
     * value heavier than the budget waits alone.
     */
    ReadAhead(String name, int capacity, int budget, ToIntFunction<T> weight, Consumer<Sink<T>> reading) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.weights = new Semaphore(budget);
        this.thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                reading.accept(value -> offer(value, Math.clamp(weight.applyAsInt(value), 0, budget)));
                offer(new Item<>(null, 0, null));
            } catch (RuntimeException | Error e) {
                // An error too (out of memory, a stack overflow): the load's thread must not wait for
                // ever on a reading thread that died.
                if (!closing) {
                    offer(new Item<>(
                            null,
                            0,
                            e instanceof RuntimeException failure
                                    ? failure
                                    : new IllegalStateException("The load's file could not be read", e)));
                }
            }
        });
    }

    /** Waits for the value's weight to be free, then for a place. */
    private boolean offer(T value, int weight) {
        try {
            while (!closing) {
                if (weights.tryAcquire(weight, 100, TimeUnit.MILLISECONDS)) {
                    if (offer(new Item<>(value, weight, null))) {
                        return true;
                    }
                    weights.release(weight);
                    return false;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean offer(Item<T> item) {
        try {
            while (!closing) {
                if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next value, waiting for it; null once everything was read. */
    @Nullable
    T take() {
        if (ended) {
            return null;
        }
        Item<T> item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The load was interrupted while it read its file", e);
        }
        weights.release(item.weight());
        if (item.failure() != null) {
            ended = true;
            throw item.failure();
        }
        if (item.value() == null) {
            ended = true;
        }
        return item.value();
    }

    /** Ends the reading thread (what it had read is dropped). */
    @Override
    public void close() {
        closing = true;
        thread.interrupt();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.clear();
    }
}
