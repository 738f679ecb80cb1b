package be.uliege.library.registration.patron;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface IdentifierSequenceRepository extends JpaRepository<IdentifierSequence, String> {

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select s from IdentifierSequence s where s.name = :name")
    Optional<IdentifierSequence> lockByName(String name);
}
