package be.uliege.library.registration.desk.ui;

import be.uliege.library.registration.patron.IdentityDocument;
import com.vaadin.flow.component.select.Select;

/** The identity document seen at the desk (R-DESK-3): its type only, never its number. */
class IdentityDocumentSelect extends Select<IdentityDocument> {

    IdentityDocumentSelect() {
        setLabel(getTranslation("desk.identity.document"));
        setHelperText(getTranslation("desk.identity.help"));
        setItems(IdentityDocument.values());
        setItemLabelGenerator(d -> getTranslation("desk.identity." + d.name()));
        setId("identity-document");
        setRequiredIndicatorVisible(true);
        setMinWidth("18em"); // the longest document's name, readable
    }

    /** Whether a document is chosen; if not, says so on the field. */
    boolean requireChosen() {
        if (getValue() == null) {
            setErrorMessage(getTranslation("desk.identity.required"));
            setInvalid(true);
            return false;
        }
        setInvalid(false);
        return true;
    }
}
