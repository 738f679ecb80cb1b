package be.uliege.library.registration.load;

import be.uliege.library.registration.load.AlmaUserMapping.Mapped;
import be.uliege.library.registration.load.LoadReportLine.Outcome;
import be.uliege.library.registration.load.file.Position;
import be.uliege.library.registration.load.file.ReadRow;
import be.uliege.library.registration.patron.PersonPreparation;
import be.uliege.library.registration.patron.PreparedPerson;
import java.time.LocalDate;

/**
 * A row of the file as the load's writer takes it (R-SIS-1): a person made ready to apply, or a row
 * put aside with its report line (unreadable, refused by the mapping, held back by 1 July).
 * Prepared where it is read — on the import's reading thread, ahead of the chunk being written
 * (issue 16) — since none of it needs the database.
 */
sealed interface LoadRow permits LoadRow.Person, LoadRow.Aside {

    /** A person to apply, with the row's place. */
    record Person(Position position, PreparedPerson person) implements LoadRow {}

    /** A row not applied, counted as its line says. */
    record Aside(LoadReportLine line) implements LoadRow {}

    /** Reads the file's rows into what the writer takes, by the day's mapping (R-SIS-1, R-REC-4, R-SIS-4). */
    record Preparation(AlmaUserMapping mapping, PersonPreparation people, LocalDate day) {

        LoadRow prepare(ReadRow row) {
            return switch (row) {
                case ReadRow.Unreadable u ->
                    new Aside(LoadWriter.line(Outcome.REJECTED, u.position(), u.primaryId(), null, u.reason()));
                case ReadRow.Read r ->
                    switch (mapping.map(r.user(), r.position().element(), day, r.digest())) {
                        case Mapped.Person p -> new Person(r.position(), people.prepare(p.person()));
                        case Mapped.Refused refused ->
                            new Aside(LoadWriter.line(
                                    Outcome.REJECTED,
                                    r.position(),
                                    r.user().primaryId(),
                                    refused.field(),
                                    refused.reason()));
                        case Mapped.HeldBack held ->
                            new Aside(LoadWriter.line(
                                    Outcome.HELD_BACK, r.position(), r.user().primaryId(), null, held.reason()));
                    };
            };
        }
    }
}
