package fr.sne.tenants.tenancy;

/**
 * What a transaction may see: one territory, the whole country read-only (national roles,
 * statistics), or one applicant's own rows ({@code compte}: their account on the public
 * portal, whatever the territory). Applied to PostgreSQL by {@link TenantTransactions}.
 */
public record Scope(String territoire, boolean national, boolean readOnly, Long compte) {

    public Scope {
        int portees = (territoire != null ? 1 : 0) + (national ? 1 : 0) + (compte != null ? 1 : 0);
        if (portees != 1) {
            throw new IllegalArgumentException("A scope is either one territory, national or one applicant's account");
        }
    }

    public Scope(String territoire, boolean national, boolean readOnly) {
        this(territoire, national, readOnly, null);
    }

    public static Scope territoire(String code) {
        return new Scope(code, false, false);
    }

    public static Scope territoireReadOnly(String code) {
        return new Scope(code, false, true);
    }

    public static Scope nationalReadOnly() {
        return new Scope(null, true, true);
    }

    /**
     * The whole country, writable: the platform's jobs and the national content every professional
     * writes (community spaces, tickets), whose permissions the features' policies decided.
     */
    public static Scope nationalEcriture() {
        return new Scope(null, true, false);
    }

    /** Writing a territory's rows in that territory's scope; national rows (null territory) nationally. */
    public static Scope ecriture(String territoireOuNational) {
        return territoireOuNational == null ? nationalEcriture() : territoire(territoireOuNational);
    }

    /** An applicant's own rows (setting {@code sne.compte}); no territory's data otherwise. */
    public static Scope compte(long compteDemandeur) {
        return new Scope(null, false, false, compteDemandeur);
    }

    /** The same reach, read-only. */
    public static Scope lecture(Scope scope) {
        return new Scope(scope.territoire, scope.national, true, scope.compte);
    }

    String portee() {
        return national ? "NATIONAL" : compte != null ? "COMPTE" : "TERRITOIRE";
    }
}
