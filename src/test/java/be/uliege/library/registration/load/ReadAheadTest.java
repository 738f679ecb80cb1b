package be.uliege.library.registration.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.load.file.FileRefusedException;
import be.uliege.library.registration.load.file.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The hand-off between the thread that reads the load's file and the load's own thread: values in
 * their order, never more than its capacity waiting, what stopped the reading thrown in the load's
 * thread — an error too, so that the load never waits for ever on a reader that died — and, once
 * closed, the reading thread ends.
 */
@Timeout(10) // a reader that died unseen would make the load, and this test, wait for ever
class ReadAheadTest {

    @Test
    void valuesComeInTheirOrderAndNoMoreThanTheCapacityWait() throws InterruptedException {
        var produced = new AtomicInteger();
        try (var ahead = new ReadAhead<Integer>("test-reader", 3, sink -> {
            for (int i = 1; i <= 10; i++) {
                produced.set(i);
                if (!sink.put(i)) {
                    return;
                }
            }
        })) {
            Thread.sleep(300);
            assertThat(produced.get())
                    .as("three waiting, the fourth being offered")
                    .isLessThanOrEqualTo(4);
            var taken = new ArrayList<Integer>();
            for (var value = ahead.take(); value != null; value = ahead.take()) {
                taken.add(value);
            }
            assertThat(taken).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
            assertThat(ahead.take()).isNull();
        }
    }

    @Test
    void noMoreThanTheBudgetOfWeightWaits_andAValueHeavierThanTheBudgetWaitsAlone() throws InterruptedException {
        // Weights as a row's characters: 4, 4, 4, then one heavier than the whole budget, then 1.
        var weights = List.of(4, 4, 4, 50, 1);
        var produced = new AtomicInteger();
        try (var ahead = new ReadAhead<Integer>("test-reader", 100, 10, weights::get, sink -> {
            for (int i = 0; i < weights.size(); i++) {
                produced.set(i + 1);
                if (!sink.put(i)) {
                    return;
                }
            }
        })) {
            Thread.sleep(300);
            assertThat(produced.get())
                    .as("two rows of 4 wait in a budget of 10; the third is being offered")
                    .isEqualTo(3);
            assertThat(ahead.take()).isZero();
            assertThat(ahead.take()).isEqualTo(1);
            Thread.sleep(300);
            assertThat(produced.get())
                    .as("the heavy row waits until the budget is all free: the third row alone is waiting")
                    .isEqualTo(4);
            assertThat(ahead.take()).isEqualTo(2);
            assertThat(ahead.take()).isEqualTo(3);
            assertThat(ahead.take()).isEqualTo(4);
            assertThat(ahead.take()).isNull();
        }
    }

    @Test
    void aRefusedFileIsThrownInTheLoadsThread() {
        try (var ahead = new ReadAhead<Integer>("test-reader", 2, sink -> {
            sink.put(1);
            throw new FileRefusedException("people.xml", Reason.of("load.reason.not-well-formed", 3, 7));
        })) {
            assertThat(ahead.take()).isEqualTo(1);
            assertThatThrownBy(ahead::take).isInstanceOf(FileRefusedException.class);
        }
    }

    @Test
    void anErrorOfTheReadingThreadIsThrownTooInsteadOfWaitingForEver() {
        try (var ahead = new ReadAhead<Integer>("test-reader", 2, sink -> {
            throw new StackOverflowError("deep");
        })) {
            assertThatThrownBy(ahead::take)
                    .isInstanceOf(IllegalStateException.class)
                    .hasCauseInstanceOf(StackOverflowError.class);
        }
    }

    @Test
    void closedWhileTheReaderWaitsForRoom_theReadingThreadEnds() throws InterruptedException {
        var stoppedAt = new AtomicInteger(-1);
        var ahead = new ReadAhead<Integer>("test-reader", 1, sink -> {
            for (int i = 1; ; i++) {
                if (!sink.put(i)) {
                    stoppedAt.set(i);
                    return;
                }
            }
        });
        assertThat(ahead.take()).isEqualTo(1);
        ahead.close();
        assertThat(stoppedAt.get())
                .as("the reading stopped at the value it could not hand over")
                .isPositive();
    }
}
