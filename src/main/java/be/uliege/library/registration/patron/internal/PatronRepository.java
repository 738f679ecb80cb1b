package be.uliege.library.registration.patron.internal;

import be.uliege.library.registration.patron.Patron;
import be.uliege.library.registration.patron.PatronKind;
import be.uliege.library.registration.patron.PatronStatus;
import be.uliege.library.registration.patron.contact.ContactKind;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface PatronRepository extends JpaRepository<Patron, Long> {

    Optional<Patron> findByPrimaryIdentifier(String primaryIdentifier);

    @Query("""
            select count(p) > 0 from Patron p where p.primaryIdentifier = :value
            or exists (select 1 from AdditionalIdentifier a where a.value = :value)""")
    boolean isIdentifierTaken(String value);

    @Query("""
            select p.id from Patron p where p.primaryIdentifier = :value or p.universityKey = :value
            union select a.patron.id from AdditionalIdentifier a where a.value = :value""")
    List<Long> idsByAnyIdentifier(String value);

    @Query("select distinct c.patron.id from ContactItem c where c.kind = :kind and c.value = :value")
    List<Long> idsByContact(ContactKind kind, String value, Pageable page);

    @Query("""
            select p.id from Patron p where p.birthDate = :date and (:kind is null or p.kind = :kind)
            and (:status is null or p.status = :status)
            and (:from is null or p.expirationDate >= :from) and (:to is null or p.expirationDate <= :to)
            order by p.lastName, p.firstName""")
    List<Long> idsByBirthDate(
            LocalDate date,
            @Nullable PatronKind kind,
            @Nullable PatronStatus status,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            Pageable page);

    /**
     * Those of these patrons that are of the kind and the status asked for, and whose expiration
     * date falls between the two days, both included (null: any).
     */
    @Query("""
            select p.id from Patron p where p.id in :ids and (:kind is null or p.kind = :kind)
            and (:status is null or p.status = :status)
            and (:from is null or p.expirationDate >= :from) and (:to is null or p.expirationDate <= :to)""")
    List<Long> idsOfKindAndStatus(
            Collection<Long> ids,
            @Nullable PatronKind kind,
            @Nullable PatronStatus status,
            @Nullable LocalDate from,
            @Nullable LocalDate to);

    /** The patrons with their contact items, in one query (a result line shows the preferred e-mail). */
    @Query("select distinct p from Patron p left join fetch p.contacts where p.id in :ids")
    List<Patron> findWithContacts(Collection<Long> ids);
}
