-- Unique numbers (numeroUnique = territory + MMYY of filing + 6-digit sequence + desk code):
-- one counter per territory and month, taken with a row lock inside the registering transaction,
-- so concurrent creators on any number of nodes never get the same number.
CREATE TABLE compteur_numero (
    territoire  varchar(3) NOT NULL REFERENCES territoire (code),
    mois        char(4)    NOT NULL CHECK (mois ~ '^(0[1-9]|1[0-2])[0-9]{2}$'),
    dernier     integer    NOT NULL CHECK (dernier BETWEEN 1 AND 999999),
    PRIMARY KEY (territoire, mois)
);
ALTER TABLE compteur_numero ENABLE ROW LEVEL SECURITY;
ALTER TABLE compteur_numero FORCE ROW LEVEL SECURITY;
CREATE POLICY compteur_numero_du_territoire ON compteur_numero
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
GRANT SELECT, INSERT, UPDATE ON compteur_numero TO ${approle};
