package be.uliege.library.registration.patron;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import be.uliege.library.registration.base.Violation;
import be.uliege.library.registration.desk.DeskFixtures;
import be.uliege.library.registration.patron.history.HistoryLine;
import be.uliege.library.registration.security.Roles;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * R-EXT-2 (issue 15): a local note is edited or deleted by its author or a desk manager, never by
 * another operator; every change is in the history with the old text.
 */
@SpringBootTest
class PatronNotesIT {

    @Autowired
    PatronService patrons;

    @Autowired
    PatronContacts contacts;

    @Autowired
    PatronHistory history;

    private static <T> T as(String uid, Supplier<T> action, String... roles) {
        return DeskFixtures.as(uid, action, roles);
    }

    @Test
    @DisplayName("R-EXT-2: a note is rewritten and deleted by its author or a manager, not by a colleague")
    void rExt2_notesBelongToTheirAuthorAndTheManagers() {
        var tag = UUID.randomUUID().toString().substring(0, 6).replaceAll("\\d", "q");
        var patron = as(
                "anna",
                () -> patrons.registerAtDesk(
                        PatronKind.B,
                        PatronServiceIT.externalDraft("Chiara", "Notes-" + tag, PatronServiceIT.unique("chiara"))),
                Roles.DESK_OPERATOR);
        var noted = as(
                "anna",
                () -> contacts.addNote(patron.id(), patron.version(), "Carte oubliée à la maison"),
                Roles.DESK_OPERATOR);
        var note = noted.notes().getFirst();
        assertThat(as("anna", () -> contacts.mayChange(note), Roles.DESK_OPERATOR))
                .isTrue();
        assertThat(as("bruno", () -> contacts.mayChange(note), Roles.DESK_OPERATOR))
                .isFalse();
        assertThat(as("carla", () -> contacts.mayChange(note), Roles.DESK_OPERATOR, Roles.DESK_MANAGER))
                .isTrue();

        assertThatThrownBy(() -> as(
                        "bruno",
                        () -> contacts.editNote(patron.id(), noted.version(), note.id(), "Réécrite par un collègue"),
                        Roles.DESK_OPERATOR))
                .isInstanceOfSatisfying(
                        PatronRuleException.class,
                        e -> assertThat(e.violations())
                                .extracting(Violation::code)
                                .containsExactly("note.not-yours"));

        var edited = as(
                "anna",
                () -> contacts.editNote(patron.id(), noted.version(), note.id(), "Carte oubliée, revient demain"),
                Roles.DESK_OPERATOR);
        assertThat(edited.notes())
                .extracting(PatronDetails.Note::text)
                .containsExactly("Carte oubliée, revient demain");
        assertThatThrownBy(() -> as(
                        "anna",
                        () -> contacts.editNote(patron.id(), noted.version(), note.id(), "Une version périmée"),
                        Roles.DESK_OPERATOR))
                .as("a stale version")
                .isInstanceOf(ObjectOptimisticLockingFailureException.class);

        var deleted = as(
                "carla",
                () -> contacts.deleteNote(patron.id(), edited.version(), note.id()),
                Roles.DESK_OPERATOR,
                Roles.DESK_MANAGER);
        assertThat(deleted.notes()).isEmpty();
        var lines = as("carla", () -> history.lines(patron.id()), Roles.DESK_OPERATOR);
        assertThat(lines)
                .filteredOn(l -> l.field().equals("note"))
                .extracting(HistoryLine::changedBy, HistoryLine::oldValue, HistoryLine::newValue)
                .contains(
                        tuple("anna", "Carte oubliée à la maison", "Carte oubliée, revient demain"),
                        tuple("carla", "Carte oubliée, revient demain", null));
    }
}
