package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The records that may be the same person (R-DESK-3, R-DESK-5): each with its identifier, names,
 * birth date, kind, status and expiration, the score and its reasons in words, and the action that
 * takes it over (a former U, S or C is converted, R-CNV-1).
 */
class CandidateList extends VerticalLayout {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PatronService patrons;
    private final Set<Long> shown = new HashSet<>();

    CandidateList(PatronService patrons) {
        this.patrons = patrons;
        setId("duplicate-candidates");
        setPadding(false);
    }

    /** Shows the candidates; {@code sameAs} runs when the operator says one is the same person. */
    void show(List<PatronService.DuplicateCandidate> found, Consumer<PatronDetails> sameAs) {
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
            card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)")
                    .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-s)")
                    .set("width", "100%").set("box-sizing", "border-box");
            var name = new Paragraph(other.primaryIdentifier() + " · " + other.lastName() + " " + other.firstName()
                    + (other.birthDate() == null ? "" : " · " + DATE.format(other.birthDate())));
            name.getStyle().set("font-weight", "600").set("margin", "0");
            var state = new Paragraph(getTranslation("patron.kind." + other.kind().name()) + " · "
                    + getTranslation("patron.status." + other.status().name()) + " · "
                    + getTranslation("validation.candidate.expires", DATE.format(other.expirationDate())));
            state.getStyle().set("margin", "0");
            var reasons = new Paragraph(getTranslation("validation.candidate.score", candidate.score().value()) + " — "
                    + candidate.score().reasons().stream().map(r -> getTranslation("duplicate.reason." + r.name()))
                            .collect(Collectors.joining(", ")));
            reasons.addClassName("candidate-reasons");
            reasons.getStyle().set("margin", "0");
            var same = new Button(getTranslation(other.kind().isExternal() ? "validation.take-over"
                    : "validation.convert"), e -> sameAs.accept(other));
            same.addClassName("take-over");
            card.add(name, state, reasons, same);
            // Converting a former U, S or C is a desk manager's task (R-CNV-1): an operator sees why
            // the action is not theirs before clicking, not a refusal after (the service refuses too).
            if (!other.kind().isExternal() && !isManager()) {
                same.setEnabled(false);
                var why = new Paragraph(getTranslation("validation.convert.manager-only"));
                why.addClassName("take-over-manager-only");
                why.getStyle().set("margin", "0");
                card.add(why);
            }
            add(card);
        }
    }

    private static boolean isManager() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.DESK_MANAGER).equals(a.getAuthority()));
    }

    /** The ids of the records shown: the operator has seen them. */
    Set<Long> shown() {
        return Set.copyOf(shown);
    }
}
