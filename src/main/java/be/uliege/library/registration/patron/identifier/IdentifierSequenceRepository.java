package be.uliege.library.registration.patron.identifier;

import org.springframework.data.jpa.repository.JpaRepository;

interface IdentifierSequenceRepository extends JpaRepository<IdentifierSequence, String> {}
