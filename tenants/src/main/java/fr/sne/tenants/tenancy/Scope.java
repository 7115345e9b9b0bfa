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
