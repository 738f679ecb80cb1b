package be.uliege.library.registration.patron;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByPatronIdOrderByChangedAtDescIdDesc(long patronId);

    @org.springframework.data.jpa.repository.Modifying
    @org.springframework.data.jpa.repository.Query("delete from HistoryEntry h where h.patronId = :patronId")
    void deleteByPatronId(long patronId);
}
