package be.uliege.library.registration.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a patron's account to the directory after the commit that asked for it (R-INT-1). Creating
 * and updating are one operation: an entry that exists already is updated, so a retry after a
 * lost answer never makes a second entry. A failure is noted for staff (attempts, the directory's
 * result code: no personal data) and thrown, so that the event stays incomplete and is retried.
 */
@Component
class PatronAccountWriter {

    private static final Logger log = LoggerFactory.getLogger(PatronAccountWriter.class);

    private final DirectoryConnections connections;
    private final DirectorySettings settings;
    private final DirectoryAccountRepository accounts;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PatronAccountWriter(
            DirectoryConnections connections,
            DirectorySettings settings,
            DirectoryAccountRepository accounts,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.connections = connections;
        this.settings = settings;
        this.accounts = accounts;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(PatronAccountRequested request) throws LDAPException {
        if (!accounts.awaits(request.patronId(), request.requestId())) {
            log.info("Directory account request {} superseded or done: dropped", request.requestId());
            return;
        }
        boolean created;
        try {
            created = write(request);
            if (request.mustChange()) {
                askForAChangeAtNextLogin(request.uid());
            }
        } catch (LDAPException | RuntimeException e) {
            var reason = e instanceof LDAPException l
                    ? l.getResultCode().getName()
                    : e.getClass().getSimpleName();
            failed(request.patronId(), request.requestId(), reason);
            log.warn("Directory account for patron {} not written ({}): will be retried", request.patronId(), reason);
            throw e;
        }
        accounts.lockByPatronId(request.patronId())
                .filter(a -> a.isCurrent(request.requestId()))
                .ifPresent(a -> a.written(request.requestId(), clock.instant()));
        events.publishEvent(new PatronAccountWritten(request.patronId(), request.uid(), created, request.expiration()));
        log.info("Directory account for patron {} {}", request.patronId(), created ? "created" : "updated");
    }

    /**
     * Disables an account (R-INT-1), unless the same uid was written again since (a renewal after
     * a deactivation): its password removed, so that no bind succeeds, out of the patrons' group,
     * {@code shadowExpire} = 1 for the systems that read it. An entry the directory does not have
     * is nothing to disable. Repeating it changes nothing, so a retry after a lost answer is safe.
     */
    @ApplicationModuleListener
    void on(PatronAccountDisableRequested request) throws LDAPException {
        if (accounts.enabledAs(request.patronId(), request.uid())) {
            log.info("Directory account disabling {} superseded by a newer account: dropped", request.requestId());
            return;
        }
        boolean found;
        try {
            found = disable(request.uid());
        } catch (LDAPException | RuntimeException e) {
            var reason = e instanceof LDAPException l
                    ? l.getResultCode().getName()
                    : e.getClass().getSimpleName();
            failed(request.patronId(), request.requestId(), reason);
            log.warn("Directory account of patron {} not disabled ({}): will be retried", request.patronId(), reason);
            throw e;
        }
        accounts.lockByPatronId(request.patronId())
                .filter(a -> a.isCurrent(request.requestId()))
                .ifPresent(a -> a.disabled(request.requestId(), clock.instant()));
        events.publishEvent(new PatronAccountDisabled(request.patronId(), request.uid(), request.reason(), found));
        log.info(
                "Directory account of patron {} disabled ({}{})",
                request.patronId(),
                request.reason(),
                found ? "" : ", no entry");
    }

    private boolean disable(String uid) throws LDAPException {
        var pool = connections.pool();
        var dn = new DN(new RDN("uid", uid), new DN(settings.patronsDn()));
        var existing = pool.getEntry(dn.toString(), "objectClass");
        if (existing == null) {
            return false;
        }
        var changes = new ArrayList<Modification>();
        if (!existing.hasObjectClass("shadowAccount")) {
            changes.add(new Modification(ModificationType.ADD, "objectClass", "shadowAccount"));
        }
        changes.add(new Modification(ModificationType.REPLACE, "userPassword"));
        changes.add(new Modification(ModificationType.REPLACE, "shadowExpire", "1"));
        changes.add(new Modification(
                ModificationType.REPLACE,
                "shadowLastChange",
                String.valueOf(LocalDate.now(clock).toEpochDay())));
        pool.modify(dn.toString(), changes);
        leaveGroup(dn.toString());
        return true;
    }

    /** Takes the entry out of the patrons' group; an entry not in it is left as it is. */
    private void leaveGroup(String dn) throws LDAPException {
        var pool = connections.pool();
        var group = settings.groupDn(settings.groups().patrons());
        var leave = new Modification(ModificationType.DELETE, "member", dn);
        try {
            pool.modify(group, leave);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.OBJECT_CLASS_VIOLATION) {
                // groupOfNames needs a member: the group's own DN stands in for the last one leaving.
                pool.modify(group, new Modification(ModificationType.ADD, "member", group), leave);
            } else if (e.getResultCode() != ResultCode.NO_SUCH_ATTRIBUTE) {
                throw e;
            }
        }
    }

    /**
     * Deletes the entries of erased patrons (R-RET-1), each out of the patrons' group first. An entry
     * already gone is nothing to delete, so a retry after a lost answer deletes each entry once; a
     * directory that does not answer leaves the whole request to be retried.
     */
    @ApplicationModuleListener
    void on(PatronEntriesDeleteRequested request) throws LDAPException {
        var pool = connections.pool();
        int deleted = 0;
        for (var uid : request.uids()) {
            var dn = new DN(new RDN("uid", uid), new DN(settings.patronsDn())).toString();
            try {
                if (pool.getEntry(dn, "objectClass") == null) {
                    continue;
                }
                leaveGroup(dn);
                pool.delete(dn);
                deleted++;
            } catch (LDAPException e) {
                if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                    continue;
                }
                log.warn(
                        "Directory entries of erased patrons not all deleted ({}, request {}): will be retried",
                        e.getResultCode().getName(),
                        request.requestId());
                throw e;
            }
        }
        log.info(
                "Directory entries of erased patrons: {} deleted, {} asked (request {})",
                deleted,
                request.uids().size(),
                request.requestId());
    }

    /**
     * R-DESK-8: tells the directory that the password must be changed at the next login, with the
     * {@code pwdReset} attribute of OpenLDAP's password policy overlay, where the directory has it;
     * a directory without it is not told (logged), and the desk said so before the password was
     * issued ({@link PatronAccounts#tellsMustChange()}).
     */
    private void askForAChangeAtNextLogin(String uid) throws LDAPException {
        var pool = connections.pool();
        if (!PasswordPolicy.known(pool)) {
            log.info("The directory has no password policy (pwdReset): not told to ask for a change");
            return;
        }
        var dn = new DN(new RDN("uid", uid), new DN(settings.patronsDn()));
        pool.modify(dn.toString(), new Modification(ModificationType.REPLACE, PasswordPolicy.RESET, "TRUE"));
    }

    /** Creates the entry, or updates it when it exists; adds it to the patrons' group. */
    private boolean write(PatronAccountRequested r) throws LDAPException {
        var pool = connections.pool();
        var dn = new DN(new RDN("uid", r.uid()), new DN(settings.patronsDn()));
        var cn = r.givenName() + " " + r.surname();
        var expire = String.valueOf(r.expiration().toEpochDay());
        var changed = String.valueOf(LocalDate.now(clock).toEpochDay());
        boolean created;
        var existing = pool.getEntry(dn.toString(), "objectClass");
        if (existing == null) {
            var entry = new Entry(
                    dn,
                    new Attribute(
                            "objectClass", "top", "person", "organizationalPerson", "inetOrgPerson", "shadowAccount"),
                    new Attribute("uid", r.uid()),
                    new Attribute("cn", cn),
                    new Attribute("sn", r.surname()),
                    new Attribute("givenName", r.givenName()),
                    new Attribute("userPassword", r.passwordHash()),
                    new Attribute("shadowExpire", expire),
                    new Attribute("shadowLastChange", changed));
            if (r.email() != null) {
                entry.addAttribute("mail", r.email());
            }
            try {
                pool.add(entry);
                created = true;
            } catch (LDAPException e) {
                if (e.getResultCode() != ResultCode.ENTRY_ALREADY_EXISTS) {
                    throw e;
                }
                created = false; // written by an earlier attempt whose answer was lost
                update(pool, dn, r, cn, expire, changed, true);
            }
        } else {
            created = false;
            update(pool, dn, r, cn, expire, changed, existing.hasObjectClass("shadowAccount"));
        }
        try {
            pool.modify(
                    settings.groupDn(settings.groups().patrons()),
                    new Modification(ModificationType.ADD, "member", dn.toString()));
        } catch (LDAPException e) {
            if (e.getResultCode() != ResultCode.ATTRIBUTE_OR_VALUE_EXISTS) {
                throw e;
            }
        }
        return created;
    }

    private static void update(
            LDAPConnectionPool pool,
            DN dn,
            PatronAccountRequested r,
            String cn,
            String expire,
            String changed,
            boolean hasShadow)
            throws LDAPException {
        var changes = new ArrayList<Modification>();
        if (!hasShadow) {
            changes.add(new Modification(ModificationType.ADD, "objectClass", "shadowAccount"));
        }
        changes.add(new Modification(ModificationType.REPLACE, "cn", cn));
        changes.add(new Modification(ModificationType.REPLACE, "sn", r.surname()));
        changes.add(new Modification(ModificationType.REPLACE, "givenName", r.givenName()));
        changes.add(
                r.email() == null
                        ? new Modification(ModificationType.REPLACE, "mail")
                        : new Modification(ModificationType.REPLACE, "mail", r.email()));
        changes.add(new Modification(ModificationType.REPLACE, "userPassword", r.passwordHash()));
        changes.add(new Modification(ModificationType.REPLACE, "shadowExpire", expire));
        changes.add(new Modification(ModificationType.REPLACE, "shadowLastChange", changed));
        pool.modify(dn.toString(), changes);
    }

    /**
     * Notes a failed attempt of the latest request, in a transaction of its own: the listener's
     * rolls back with the exception that gets the event retried. An older request's failure is not
     * the account's.
     */
    private void failed(long patronId, String requestId, String reason) {
        separately.executeWithoutResult(s -> accounts.lockByPatronId(patronId)
                .filter(a -> a.isCurrent(requestId))
                .ifPresent(a -> a.attemptFailed(requestId, reason)));
    }
}
