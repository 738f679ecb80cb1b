package be.uliege.library.registration.patron.history;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface HistoryRepository extends JpaRepository<HistoryEntry, Long> {

    List<HistoryEntry> findByPatronIdOrderByChangedAtDescIdDesc(long patronId);

    @Modifying
    @Query("delete from HistoryEntry h where h.patronId = :patronId")
    void deleteByPatronId(long patronId);
}
