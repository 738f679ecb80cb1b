package be.uliege.library.registration.card.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PatronPhotoRepository extends JpaRepository<PatronPhoto, Long> {}
