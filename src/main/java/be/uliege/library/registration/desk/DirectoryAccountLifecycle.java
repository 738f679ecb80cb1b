package be.uliege.library.registration.desk;

import be.uliege.library.registration.directory.PatronAccountDisabled;
import be.uliege.library.registration.directory.PatronAccounts;
import be.uliege.library.registration.patron.PatronDeactivated;
import be.uliege.library.registration.patron.PatronHistory;
import be.uliege.library.registration.patron.PatronId;
import be.uliege.library.registration.patron.PatronIdentifierChanged;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * R-INT-1: a patron's directory account follows the patron — disabled when a desk manager
 * deactivates the patron or the identifier (its uid) changes; the nightly run of
 * {@link PatronAccounts#disableExpired()} takes care of expirations. Each disabling is in the
 * patron's history once the directory has done it.
 */
@Component
class DirectoryAccountLifecycle {

    private final PatronAccounts accounts;
    private final PatronHistory history;

    DirectoryAccountLifecycle(PatronAccounts accounts, PatronHistory history) {
        this.accounts = accounts;
        this.history = history;
    }

    @ApplicationModuleListener
    void on(PatronDeactivated event) {
        accounts.disable(event.patronId(), event.identifier(), "deactivated");
    }

    @ApplicationModuleListener
    void on(PatronIdentifierChanged event) {
        accounts.disable(event.patronId(), event.oldIdentifier(), "identifier changed to " + event.newIdentifier());
    }

    @ApplicationModuleListener
    void on(PatronAccountDisabled event) {
        history.recordStep(
                PatronId.of(event.patronId()),
                "directoryAccount",
                "disabled " + event.uid() + " (" + event.reason()
                        + (event.found() ? ")" : "; no entry in the directory)"));
    }
}
