package be.uliege.library.registration.preregistration;

/** Private or non-profit use, or professional use: sets the user group and the fee (R-FEE-1). */
public enum Use {
    PRIVATE("Extérieur"),
    PROFESSIONAL("Société, entreprise, profession juridique");

    private final String userGroup;

    Use(String userGroup) {
        this.userGroup = userGroup;
    }

    public String userGroup() {
        return userGroup;
    }
}
