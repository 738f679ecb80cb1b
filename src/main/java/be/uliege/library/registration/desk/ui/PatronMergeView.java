package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.MergeComparison;
import be.uliege.library.registration.patron.PatronDetails;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronMerge;
import be.uliege.library.registration.patron.PatronNotFoundException;
import be.uliege.library.registration.patron.PatronRuleException;
import be.uliege.library.registration.patron.PatronService;
import be.uliege.library.registration.patron.TakeOverComparison.Field;
import be.uliege.library.registration.patron.ui.PatronPages;
import be.uliege.library.registration.security.Roles;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

/**
 * A desk manager merges two records of the same person (R-DESK-9): the other record is picked by
 * its identifier, both are shown side by side, the manager chooses the surviving primary identifier
 * and, for each field that differs, whose value stays; one confirmation names what will happen —
 * which identifier survives, which one becomes former, which directory account is disabled or
 * moves — and the survivor's record opens. A loaded record (R-EXT-1) survives with its own values.
 *
 * @see "docs/decisions/0012-merge.md"
 */
@Route("patrons/merge")
@RolesAllowed(Roles.DESK_MANAGER)
public class PatronMergeView extends VerticalLayout implements HasUrlParameter<Long>, HasDynamicTitle {

    private final PatronMerge merge;
    private final PatronService patrons;
    private final PatronAccounts accounts;
    private final TextField other = new TextField();
    private final Div comparisonBox = new Div();
    private final Map<Field, RadioButtonGroup<Long>> choices = new EnumMap<>(Field.class);
    private RadioButtonGroup<Long> survivor = new RadioButtonGroup<>();
    private @Nullable PatronDetails first;
    private @Nullable MergeComparison comparison;

    PatronMergeView(PatronMerge merge, PatronService patrons, PatronAccounts accounts) {
        this.merge = merge;
        this.patrons = patrons;
        this.accounts = accounts;
        setPadding(true);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        PatronPages.open(this, id, patrons::details, this::start);
    }

    private void start(PatronDetails details) {
        this.first = details;
        removeAll();
        var title = new H1(getTranslation("merge.title", details.primaryIdentifier()));
        title.setId("merge-title");
        other.setLabel(getTranslation("merge.other"));
        other.setHelperText(getTranslation("merge.other.help"));
        other.setMaxLength(64);
        other.setWidth("20em");
        other.setId("merge-other");
        var compare = new Button(getTranslation("merge.compare"), e -> compare());
        compare.setId("merge-compare");
        var pick = new HorizontalLayout(other, compare);
        pick.setAlignItems(Alignment.BASELINE);
        comparisonBox.setId("merge-comparison");
        comparisonBox.setWidthFull();
        add(title, new Paragraph(getTranslation("merge.help")), pick, comparisonBox);
    }

    private void compare() {
        try {
            comparison = merge.compare(current().id(), other.getValue());
            other.setInvalid(false);
            render();
        } catch (PatronRuleException e) {
            var v = e.violations().getFirst();
            other.setErrorMessage(getTranslation(v.messageKey(), v.args().toArray()));
            other.setInvalid(true);
            comparisonBox.removeAll();
            comparison = null;
        } catch (PatronNotFoundException e) {
            DeskMessages.error(this, getTranslation("patron.not-found"));
        }
    }

    private void render() {
        var c = comparison();
        comparisonBox.removeAll();
        choices.clear();
        var table = new NativeTable();
        table.setId("merge-table");
        table.addClassName("takeover-table");
        var head = table.getHead().addRow();
        head.addHeaderCell().setText(getTranslation("takeover.column.field"));
        head.addHeaderCell().setText(c.first().identifier());
        head.addHeaderCell().setText(c.second().identifier());
        head.addHeaderCell().setText(getTranslation("takeover.column.choice"));

        survivor = new RadioButtonGroup<>();
        survivor.setItems(c.first().id(), c.second().id());
        survivor.setItemLabelGenerator(id -> c.side(id).identifier());
        survivor.setAriaLabel(getTranslation("merge.survivor"));
        survivor.setId("merge-survivor");
        var loaded = c.loadedSurvivor();
        survivor.setValue(loaded.map(MergeComparison.Side::id).orElse(c.first().id()));
        survivor.setReadOnly(loaded.isPresent());
        var survivorCell = new NativeTableCell(survivor);
        loaded.ifPresent(
                side -> survivorCell.add(new Paragraph(getTranslation("merge.loaded-survives", side.identifier()))));
        table.getBody()
                .add(line("merge.survivor", c.first().identifier(), c.second().identifier(), survivorCell));
        table.getBody()
                .add(line(
                        "takeover.field.FORMER_IDENTIFIERS",
                        String.join(", ", c.first().otherIdentifiers()),
                        String.join(", ", c.second().otherIdentifiers()),
                        new NativeTableCell(getTranslation("merge.all-kept"))));
        for (var row : c.rows()) {
            var cell = new NativeTableCell();
            if (row.choosable()) {
                var group = new RadioButtonGroup<Long>();
                group.setItems(c.first().id(), c.second().id());
                group.setItemLabelGenerator(
                        id -> getTranslation("merge.value-of", c.side(id).identifier()));
                group.setValue(survivor.getValue());
                group.setAriaLabel(
                        getTranslation("takeover.field." + row.field().name()));
                group.setId("merge-choice-" + row.field().name());
                choices.put(row.field(), group);
                cell.add(group);
            } else {
                cell.setText(getTranslation(row.differs() ? "merge.survivor-value" : "takeover.same"));
            }
            var tr = line(
                    "takeover.field." + row.field().name(),
                    value(row.field(), row.first()),
                    value(row.field(), row.second()),
                    cell);
            tr.setId("merge-row-" + row.field().name());
            table.getBody().add(tr);
        }
        table.getBody()
                .add(line(
                        "merge.status",
                        getTranslation("patron.status." + c.first().status().name()) + " · "
                                + CandidateList.DATE.format(c.first().expirationDate()),
                        getTranslation("patron.status." + c.second().status().name()) + " · "
                                + CandidateList.DATE.format(c.second().expirationDate()),
                        new NativeTableCell(getTranslation("merge.survivor-value"))));
        survivor.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                choices.values().forEach(g -> g.setValue(e.getValue()));
            }
        });
        var start = new Button(getTranslation("merge.start"), e -> confirm());
        start.setId("merge-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        comparisonBox.add(table, start);
    }

    private NativeTableRow line(String labelKey, String a, String b, NativeTableCell choice) {
        var row = new NativeTableRow();
        var label = new NativeTableHeaderCell(getTranslation(labelKey));
        label.getElement().setAttribute("scope", "row");
        row.add(label, new NativeTableCell(a), new NativeTableCell(b), choice);
        return row;
    }

    /** One confirmation naming exactly what happens (R-DESK-9). */
    private void confirm() {
        var c = comparison();
        var kept = c.side(survivor.getValue());
        var gone = c.other(kept.id());
        var take = takeFromAbsorbed(gone.id());
        var dialog = new Dialog();
        dialog.setId("merge-dialog");
        dialog.setHeaderTitle(getTranslation("merge.dialog.title", gone.identifier(), kept.identifier()));
        var list = new UnorderedList();
        list.setId("merge-consequences");
        list.add(new ListItem(getTranslation("merge.consequence.identifier", kept.identifier(), gone.identifier())));
        list.add(new ListItem(getTranslation("merge.consequence.moved", kept.identifier(), gone.identifier())));
        list.add(new ListItem(accountConsequence(kept, gone)));
        list.add(new ListItem(
                take.isEmpty()
                        ? getTranslation("merge.consequence.values.none", kept.identifier())
                        : getTranslation(
                                "merge.consequence.values",
                                gone.identifier(),
                                take.stream()
                                        .map(f -> getTranslation("takeover.field." + f.name()))
                                        .collect(Collectors.joining(", ")))));
        var go = new Button(getTranslation("merge.confirm", gone.identifier(), kept.identifier()), e -> {
            dialog.close();
            merge(kept, gone, take);
        });
        go.setId("merge-confirm");
        go.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        var cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        cancel.setId("merge-cancel");
        dialog.add(list);
        dialog.getFooter().add(cancel, go);
        dialog.open();
    }

    private String accountConsequence(MergeComparison.Side kept, MergeComparison.Side gone) {
        var goneAccount = accounts.status(gone.id());
        if (goneAccount.isEmpty()) {
            return getTranslation("merge.consequence.account.none", gone.identifier());
        }
        var uid = goneAccount.get().uid();
        if (kept.kind() != PatronKind.B) {
            return getTranslation("merge.consequence.account.disabled-no-login", uid, kept.identifier());
        }
        var keptAccount = accounts.status(kept.id());
        if (keptAccount.isPresent()) {
            return getTranslation(
                    "merge.consequence.account.disabled",
                    uid,
                    kept.identifier(),
                    keptAccount.get().uid());
        }
        return getTranslation("merge.consequence.account.moved", uid, kept.identifier());
    }

    private Set<Field> takeFromAbsorbed(long absorbedId) {
        var fields = EnumSet.noneOf(Field.class);
        choices.forEach((field, group) -> {
            if (group.getValue() != null && group.getValue() == absorbedId) {
                fields.add(field);
            }
        });
        return fields;
    }

    private void merge(MergeComparison.Side kept, MergeComparison.Side gone, Set<Field> take) {
        try {
            var merged = merge.merge(kept.id(), kept.version(), gone.id(), gone.version(), take);
            DeskMessages.success(getTranslation("merge.done", gone.identifier(), merged.primaryIdentifier()));
            getUI().ifPresent(ui -> ui.navigate("patrons/" + merged.id()));
        } catch (PatronRuleException e) {
            DeskMessages.violations(this, e.violations());
        } catch (OptimisticLockingFailureException | PatronNotFoundException e) {
            PatronPages.changedMeanwhile(this, "merge.changed-meanwhile", this::compare);
        } catch (AccessDeniedException e) {
            DeskMessages.error(this, getTranslation("merge.manager-only"));
        }
    }

    /** A value as staff read it: words for codes, dates the Belgian way. */
    private String value(Field field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return getTranslation("takeover.empty");
        }
        return switch (field) {
            case GENDER -> getTranslation("patron.gender." + value);
            case PREFERRED_LANGUAGE -> getTranslation("desk.form.language." + value);
            case BIRTH_DATE -> CandidateList.DATE.format(LocalDate.parse(value));
            default -> value;
        };
    }

    private PatronDetails current() {
        if (first == null) {
            throw new IllegalStateException("No patron shown");
        }
        return first;
    }

    private MergeComparison comparison() {
        if (comparison == null) {
            throw new IllegalStateException("No comparison read");
        }
        return comparison;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("merge.page-title", first == null ? "" : first.primaryIdentifier());
    }
}
