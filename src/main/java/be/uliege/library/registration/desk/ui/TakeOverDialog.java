package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronNotFoundException;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.TakeOverComparison;
import be.uliege.library.registration.patron.TakeOverComparison.Change;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.preregistration.AlreadyDecidedException;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one confirmation of a take-over or a conversion (R-DESK-3, R-CNV-1): every field of the
 * existing record beside the value the data given would put there (old → new), the identifier's
 * change spelled out, and for each field that differs the operator's choice — the record's value
 * unless the operator takes the new one. Confirmed with a button that names the action; refused,
 * and shown again up to date, when someone changed the record since the comparison was read.
 */
final class TakeOverDialog extends Dialog {

    /** The take-over itself, with the version the comparison was read at and the fields chosen new. */
    interface Decision {
        PatronDetails confirm(long version, Set<Field> takeNew);
    }

    enum Choice {
        KEEP,
        NEW
    }

    private final Component owner;
    private final Supplier<TakeOverComparison> compare;
    private final Decision decision;
    private final Map<Field, RadioButtonGroup<Choice>> choices = new EnumMap<>(Field.class);
    private final Div problems = new Div();
    private final Button confirm = new Button();
    /** A former student's conversion into an alumnus (R-CNV-2): the title and the button say so. */
    private final boolean alumnus;

    private TakeOverComparison comparison;

    private TakeOverDialog(
            Component owner,
            TakeOverComparison comparison,
            Supplier<TakeOverComparison> compare,
            Decision decision,
            boolean alumnus) {
        this.owner = owner;
        this.alumnus = alumnus;
        this.comparison = comparison;
        this.compare = compare;
        this.decision = decision;
        setId("takeover-dialog");
        setWidth("min(64rem, 96vw)");
        setCloseOnOutsideClick(false);
        problems.setId("takeover-problems");
        problems.addClassName("warning-text");
        problems.getElement().setAttribute("role", "alert");
        confirm.setId("takeover-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> confirm());
        var cancel = new Button(getTranslation("common.cancel"), e -> close());
        cancel.setId("takeover-cancel");
        getFooter().add(cancel, confirm);
        render();
    }

    /**
     * Reads the comparison and opens the dialog. When the data typed do not pass the rules, the
     * form shows why, as for any decision, and no dialog opens.
     */
    static void open(Component owner, PatronForm form, Supplier<TakeOverComparison> compare, Decision decision) {
        open(owner, form, compare, decision, false);
    }

    /** As {@link #open(Component, PatronForm, Supplier, Decision)}, for an alumnus's conversion when {@code alumnus}. */
    static void open(
            Component owner,
            PatronForm form,
            Supplier<TakeOverComparison> compare,
            Decision decision,
            boolean alumnus) {
        TakeOverComparison comparison;
        try {
            comparison = compare.get();
        } catch (PatronRuleException e) {
            var unplaced = form.showErrors(e.violations());
            if (unplaced.isEmpty()) {
                DeskMessages.error(owner, owner.getTranslation("validation.fix-fields"));
            } else {
                DeskMessages.violations(owner, unplaced);
            }
            return;
        } catch (AccessDeniedException e) {
            DeskMessages.error(owner, owner.getTranslation("validation.convert.manager-only"));
            return;
        } catch (AlreadyDecidedException e) {
            DeskMessages.error(owner, owner.getTranslation("validation.decided", String.valueOf(e.by())));
            return;
        } catch (PatronNotFoundException e) {
            DeskMessages.error(owner, owner.getTranslation("patron.not-found"));
            return;
        }
        form.showErrors(List.of());
        new TakeOverDialog(owner, comparison, compare, decision, alumnus).open();
    }

    private void render() {
        removeAll();
        choices.clear();
        var identifier = comparison.identifier();
        var action = alumnus ? "alumnus" : comparison.conversion() ? "convert" : "take-over";
        setHeaderTitle(getTranslation("takeover.title." + action, identifier));
        confirm.setText(getTranslation("takeover.confirm." + action, identifier));
        var help = new Paragraph(getTranslation("takeover.help", identifier));
        help.setId("takeover-help");
        var table = new NativeTable();
        table.setId("takeover-table");
        table.addClassName("takeover-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("takeover.column.field"));
        head.addHeaderCell().setText(getTranslation("takeover.column.change", identifier));
        head.addHeaderCell().setText(getTranslation("takeover.column.choice"));
        var body = table.getBody();
        for (var row : comparison.rows()) {
            if (row.change() != Change.SAME || row.current() != null) { // nothing on either side: nothing to say
                body.addRows(row(row));
            }
        }
        add(help, problems, table);
    }

    private NativeTableRow row(TakeOverComparison.Row row) {
        var line = new NativeTableRow();
        line.setId("takeover-row-" + row.field().name());
        line.addClassName("takeover-" + row.change().name().toLowerCase(Locale.ROOT));
        var label = new NativeTableHeaderCell(label(row.field()));
        label.getElement().setAttribute("scope", "row");
        line.add(label);
        var change = new NativeTableCell();
        change.addClassName("takeover-values");
        if (row.change() == Change.SAME) {
            change.setText(value(row.field(), row.current()));
        } else {
            change.setText(value(row.field(), row.current()) + " → " + proposed(row));
        }
        line.add(change);
        line.add(choiceCell(row));
        return line;
    }

    private NativeTableCell choiceCell(TakeOverComparison.Row row) {
        var cell = new NativeTableCell();
        cell.setId("takeover-choice-" + row.field().name());
        if (row.change() == Change.SAME) {
            cell.add(muted(getTranslation("takeover.same")));
        } else if (row.field().choosable() && row.change() == Change.CHOICE) {
            var group = new RadioButtonGroup<Choice>();
            group.setItems(Choice.values());
            group.setItemLabelGenerator(c -> getTranslation(c == Choice.KEEP ? "takeover.keep" : "takeover.take-new"));
            group.setValue(comparison.defaultTakeNew().contains(row.field()) ? Choice.NEW : Choice.KEEP);
            group.setAriaLabel(label(row.field()));
            choices.put(row.field(), group);
            cell.add(group);
            if (row.differsOnlyInAccentsOrCase()) {
                cell.add(muted(getTranslation("takeover.accents-only")));
            }
        } else if (row.field().choosable()
                && (row.current() == null || row.current().isBlank())) {
            cell.add(new Span(getTranslation("takeover.added")));
        } else if (row.reason() != null) {
            cell.add(new Span(getTranslation(
                    "takeover.forced",
                    getTranslation(
                            row.reason().messageKey(), row.reason().args().toArray()))));
        } else {
            cell.add(new Span(
                    getTranslation("takeover.consequence." + row.field().name())));
        }
        return cell;
    }

    private static Span muted(String text) {
        var span = new Span(text);
        span.addClassName("takeover-note");
        return span;
    }

    /** The fields whose new value the record takes: the operator's choices, and those it cannot keep. */
    private Set<Field> takeNew() {
        var fields = EnumSet.noneOf(Field.class);
        for (var row : comparison.rows()) {
            if (!row.field().choosable() || row.change() == Change.SAME) {
                continue;
            }
            var group = choices.get(row.field());
            if (group == null ? row.change() == Change.FORCED : group.getValue() == Choice.NEW) {
                fields.add(row.field());
            }
        }
        return fields;
    }

    private void confirm() {
        problems.removeAll();
        try {
            var patron = decision.confirm(comparison.version(), takeNew());
            close();
            DeskMessages.done(owner, patron);
        } catch (OptimisticLockingFailureException e) {
            try {
                comparison = compare.get();
            } catch (RuntimeException again) {
                close();
                DeskMessages.error(owner, getTranslation("patron.changed-meanwhile"));
                return;
            }
            render();
            problems.add(new Paragraph(getTranslation("takeover.stale", comparison.identifier())));
        } catch (PatronRuleException e) {
            problems.add(new Paragraph(getTranslation("takeover.refused")));
            var list = new UnorderedList();
            e.violations()
                    .forEach(v -> list.add(
                            new ListItem(getTranslation(v.messageKey(), v.args().toArray()))));
            problems.add(list);
        } catch (AlreadyDecidedException e) {
            close();
            DeskMessages.error(owner, getTranslation("validation.decided", String.valueOf(e.by())));
        } catch (AccessDeniedException e) {
            close();
            DeskMessages.error(owner, getTranslation("validation.convert.manager-only"));
        } catch (PatronNotFoundException e) {
            close();
            DeskMessages.error(owner, getTranslation("patron.not-found"));
        }
    }

    private String label(Field field) {
        return getTranslation("takeover.field." + field.name());
    }

    private String proposed(TakeOverComparison.Row row) {
        if (row.proposed() == null && row.field() == Field.PRIMARY_IDENTIFIER) {
            return getTranslation("takeover.identifier.new");
        }
        return value(row.field(), row.proposed());
    }

    /** A value as staff read it: words for codes, dates the Belgian way, one contact item per line. */
    private String value(Field field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return getTranslation("takeover.empty");
        }
        return switch (field) {
            case GENDER -> getTranslation("patron.gender." + value);
            case PREFERRED_LANGUAGE -> getTranslation("desk.form.language." + value);
            case STATUS -> getTranslation("patron.status." + value);
            case ACCOUNT_TYPE -> getTranslation("patron.accountType." + value);
            case BIRTH_DATE, EXPIRATION_DATE -> CandidateList.DATE.format(LocalDate.parse(value));
            default -> value;
        };
    }
}
