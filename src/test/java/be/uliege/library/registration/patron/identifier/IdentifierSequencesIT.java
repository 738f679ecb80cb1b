package be.uliege.library.registration.patron.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.uliege.library.registration.patron.PatronSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * R-ID-3 on the real MariaDB: how a sequence issues its numbers. Each test works on a sequence of
 * its own, so that the application's DESK and PRE_REGISTRATION sequences are not moved.
 */
@SpringBootTest
class IdentifierSequencesIT {

    @Autowired
    IdentifierSequences sequences;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    String name;

    @BeforeEach
    void newSequence() {
        name = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("insert into identifier_sequence (name, next_value) values (?, 0)", name);
    }

    @AfterEach
    void dropSequence() {
        jdbc.update("delete from identifier_sequence where name = ?", name);
    }

    long nextValue() {
        return jdbc.queryForObject("select next_value from identifier_sequence where name = ?", Long.class, name);
    }

    @Test
    @DisplayName("R-ID-3: the first number is the start of the range, then one after the other")
    void startsAtTheRange() {
        var range = new PatronSettings.Range(950_000, 959_999);

        assertThat(sequences.takeNumber(name, range)).isEqualTo(950_000L);
        assertThat(sequences.takeNumber(name, range)).isEqualTo(950_001L);
        assertThat(nextValue()).isEqualTo(950_002L);
    }

    @Test
    @DisplayName("R-ID-3: a number is never issued twice, a whole range through, and past its end the range refuses")
    void neverTwice_thenExhausted() {
        var range = new PatronSettings.Range(959_800, 959_999);
        var issued = new ArrayList<Long>();
        for (int i = 0; i < range.size(); i++) {
            issued.add(sequences.takeNumber(name, range));
        }

        assertThat(issued)
                .doesNotHaveDuplicates()
                .isSorted()
                .hasSize(200)
                .startsWith(959_800L)
                .endsWith(959_999L);
        assertThatThrownBy(() -> sequences.takeNumber(name, range))
                .isInstanceOf(IdentifierRangeExhaustedException.class);
        assertThatThrownBy(() -> sequences.takeNumber(name, range))
                .isInstanceOf(IdentifierRangeExhaustedException.class);
        assertThat(nextValue()).as("a used-up range does not move on").isEqualTo(960_000L);
    }

    @Test
    @DisplayName("R-ID-3: a range moved forward by configuration skips to its new start, never back")
    void rangeMovedForward() {
        sequences.takeNumber(name, new PatronSettings.Range(100, 199));
        sequences.takeNumber(name, new PatronSettings.Range(100, 199));

        assertThat(sequences.takeNumber(name, new PatronSettings.Range(500, 599)))
                .isEqualTo(500L);
        assertThat(sequences.takeNumber(name, new PatronSettings.Range(100, 599)))
                .isEqualTo(501L);
    }

    @Test
    @DisplayName("R-ID-3: a number taken by a desk transaction that rolled back was never issued: it is given back")
    void givenBackAfterARollback() {
        var range = new PatronSettings.Range(1_000, 1_999);
        long first = sequences.takeNumber(name, range);
        transaction.executeWithoutResult(status -> {
            sequences.takeNumber(name, range);
            status.setRollbackOnly();
        });
        assertThat(sequences.takeNumber(name, range)).isEqualTo(first + 1);
    }

    @Test
    @DisplayName("R-ID-3: many takers at once never get the same number")
    void concurrentTakers() throws Exception {
        var range = new PatronSettings.Range(10_000, 19_999);
        var issued = Collections.synchronizedList(new ArrayList<Long>());
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        issued.add(sequences.takeNumber(name, range));
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        assertThat(issued).hasSize(400).doesNotHaveDuplicates();
        assertThat(List.copyOf(issued)).allSatisfy(n -> assertThat(n).isBetween(10_000L, 10_399L));
    }

    @Test
    @DisplayName("An unknown sequence is an error of the installation, not a used-up range")
    void missingSequence() {
        assertThatThrownBy(() -> sequences.takeNumber("NO-SUCH-SEQUENCE", new PatronSettings.Range(1, 9)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Missing identifier sequence");
    }
}
