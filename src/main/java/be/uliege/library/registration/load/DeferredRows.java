package be.uliege.library.registration.load;

import be.uliege.library.registration.load.file.Position;
import be.uliege.library.registration.patron.LoadedPerson;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows put aside until the whole file is read (docs/decisions/0013-nightly-load.md): a person whose
 * record holds a kind that wins over the row's. Kept in MariaDB, in the chunk's transaction, so that
 * a restart finds them; deleted as they are decided.
 */
@Repository
class DeferredRows {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    DeferredRows(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A row waiting, with where it was in the file. */
    record Waiting(long id, Position position, LoadedPerson person) {}

    void put(long run, Position position, LoadedPerson person) {
        jdbc.update(
                "insert into load_deferred_row (run_id, file_name, element_no, line_no, person) values (?, ?, ?, ?, ?)",
                run,
                position.file(),
                position.element(),
                position.line(),
                json.writeValueAsString(person));
    }

    List<Waiting> next(long run, int limit) {
        return jdbc.query(
                "select id, file_name, element_no, line_no, person from load_deferred_row where run_id = ? order by id limit ?",
                (rs, i) -> new Waiting(
                        rs.getLong(1),
                        new Position(rs.getString(2), rs.getLong(3), rs.getLong(4)),
                        json.readValue(rs.getString(5), LoadedPerson.class)),
                run,
                limit);
    }

    void done(List<Long> ids) {
        jdbc.batchUpdate(
                "delete from load_deferred_row where id = ?",
                ids.stream().map(id -> new Object[] {id}).toList());
    }
}
