package fr.sne.tenants.tenancy;

/**
 * What a transaction may see: one territory, or the whole country read-only (national roles,
 * statistics). Applied to PostgreSQL by {@link TenantTransactions}.
 */
public record Scope(String territoire, boolean national, boolean readOnly) {

    public Scope {
        if (national == (territoire != null)) {
            throw new IllegalArgumentException("A scope is either one territory or national");
        }
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

    /** The same reach, read-only. */
    public static Scope lecture(Scope scope) {
        return new Scope(scope.territoire, scope.national, true);
    }

    String portee() {
        return national ? "NATIONAL" : "TERRITOIRE";
    }
}
