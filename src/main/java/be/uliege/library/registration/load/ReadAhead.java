package be.uliege.library.registration.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a thread of its own reads from the file while the load's own thread writes what was read
 * before (issue 16: reading and the database side by side). A bounded hand-off: at most {@code
 * capacity} values wait, so memory stays flat; what stops the reading (a refused file) is thrown in
 * the load's thread; once closed, the reading thread ends at its next value.
 *
 * @param <T> what is read: a row, a batch of rows
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Where the reading thread puts what it read: false once the load closed the hand-off (stop reading). */
    interface Sink<T> {
        boolean put(T value);
    }

    /** A value, the end of the reading (neither), or what stopped it. */
    private record Item<T>(@Nullable T value, @Nullable RuntimeException failure) {}

    private final BlockingQueue<Item<T>> queue;
    private final Thread thread;
    private volatile boolean closing;
    private boolean ended;

    ReadAhead(String name, int capacity, Consumer<Sink<T>> reading) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                reading.accept(value -> offer(new Item<>(value, null)));
                offer(new Item<>(null, null));
            } catch (RuntimeException | Error e) {
                // An error too (out of memory, a stack overflow): the load's thread must not wait for
                // ever on a reading thread that died.
                if (!closing) {
                    offer(new Item<>(
                            null,
                            e instanceof RuntimeException failure
                                    ? failure
                                    : new IllegalStateException("The load's file could not be read", e)));
                }
            }
        });
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
