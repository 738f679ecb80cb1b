package be.uliege.library.registration.preregistration;

/** The desk refused a pre-registration (R-DESK-3): the person is told why, then it is deleted. */
public record PreRegistrationRejected(long preRegistrationId, String reason) {

    @Override
    public String toString() {
        return "PreRegistrationRejected[" + preRegistrationId + "]";
    }
}
