package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.patron.DuplicateCandidate;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The records that may be the same person (R-DESK-3, R-DESK-5): each with its identifier, names,
 * birth date, kind, status and expiration — read-only data, shown as text, not as fields — the
 * score and its reasons in words, and the action that takes it over (a former U, S or C is
 * converted, R-CNV-1). Converting is a desk manager's task (R-DESK-1): for anyone else the action
 * is shown disabled, with the reason beside it.
 */
class CandidateList extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatronService patrons;
    private final boolean mayConvert;
    private final Set<Long> shown = new HashSet<>();

    /** @param mayConvert whether the signed-in staff member is a desk manager */
    CandidateList(PatronService patrons, boolean mayConvert) {
        this.patrons = patrons;
        this.mayConvert = mayConvert;
        setId("duplicate-candidates");
        setPadding(false);
    }

    /** Shows the candidates; {@code sameAs} runs when the operator says one is the same person. */
    void show(List<DuplicateCandidate> found, Consumer<PatronDetails> sameAs) {
        show(found, sameAs, null);
    }

    /**
     * As {@link #show(List, Consumer)}; a former student (S) also offers {@code asAlumnus}, the
     * conversion into an alumnus (R-CNV-2), a desk manager's too.
     */
    void show(
            List<DuplicateCandidate> found,
            Consumer<PatronDetails> sameAs,
            @Nullable Consumer<PatronDetails> asAlumnus) {
        removeAll();
        shown.clear();
        if (found.isEmpty()) {
            add(new Paragraph(getTranslation("validation.candidates.none")));
            return;
        }
        for (var candidate : found) {
            shown.add(candidate.id());
            var other = patrons.details(candidate.id());
            var card = new Div();
            card.addClassName("candidate");
            var name = new Paragraph(other.primaryIdentifier() + " · " + other.lastName() + " " + other.firstName()
                    + (other.birthDate() == null ? "" : " · " + DATE.format(other.birthDate())));
            name.addClassName("candidate-name");
            var facts = new DescriptionList();
            facts.addClassName("candidate-facts");
            fact(
                    facts,
                    "patron.kind",
                    getTranslation("patron.kind." + other.kind().name()));
            fact(
                    facts,
                    "patron.status",
                    getTranslation("patron.status." + other.status().name()));
            fact(facts, "patron.expirationDate", DATE.format(other.expirationDate()));
            var reasons = new Paragraph(getTranslation(
                            "validation.candidate.score", candidate.score().value()) + " — "
                    + candidate.score().reasons().stream()
                            .map(r -> getTranslation("duplicate.reason." + r.name()))
                            .collect(Collectors.joining(", ")));
            reasons.addClassName("candidate-reasons");
            boolean conversion = !other.kind().isExternal();
            var same = new Button(
                    getTranslation(conversion ? "validation.convert" : "validation.take-over"),
                    e -> sameAs.accept(other));
            same.addClassName("take-over");
            card.add(name, facts, reasons, same);
            Button alumnus = null;
            if (asAlumnus != null && other.kind() == PatronKind.S) {
                alumnus = new Button(getTranslation("validation.alumnus"), e -> asAlumnus.accept(other));
                alumnus.addClassName("take-over-alumnus");
                card.add(alumnus);
            }
            if (conversion && !mayConvert) {
                // The server refuses it too (PatronService.takeOver); here the operator learns why before trying.
                same.setEnabled(false);
                same.setTooltipText(getTranslation("validation.convert.manager-only"));
                if (alumnus != null) {
                    alumnus.setEnabled(false);
                    alumnus.setTooltipText(getTranslation("validation.convert.manager-only"));
                }
                var why = new Paragraph(getTranslation("validation.convert.manager-only"));
                why.addClassName("take-over-manager-only");
                card.add(why);
            }
            add(card);
        }
    }

    private void fact(DescriptionList facts, String termKey, String value) {
        facts.add(new DescriptionList.Term(getTranslation(termKey)), new DescriptionList.Description(value));
    }

    /** The ids of the records shown: the operator has seen them. */
    Set<Long> shown() {
        return Set.copyOf(shown);
    }
}
