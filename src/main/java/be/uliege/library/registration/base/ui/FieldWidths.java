package be.uliege.library.registration.base.ui;

import com.vaadin.flow.component.HasSize;
import java.util.Collection;

/** Widths that let a field show its longest choice whole, so that staff can read what they pick. */
public final class FieldWidths {

    /** Room for the field's padding and its toggle button, in character widths. */
    private static final int CHROME = 5;

    private static final int SHORTEST = 12;

    private FieldWidths() {}

    /**
     * Makes a select or combo box wide enough for the longest of its labels (measured in the
     * width of a digit, which a letter of the screen's font rarely exceeds), and keeps a layout
     * from squeezing it.
     */
    public static void fitLongest(HasSize field, Collection<String> labels) {
        var longest = labels.stream().mapToInt(String::length).max().orElse(0);
        var width = Math.max(SHORTEST, longest + CHROME) + "ch";
        field.setWidth(width);
        field.setMinWidth(width);
    }
}
