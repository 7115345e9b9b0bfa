-- Desk drafts of the CERFA form: saved tab by tab, resumed later, deleted once registered.
CREATE TABLE brouillon (
    territoire   varchar(3)  NOT NULL REFERENCES territoire (code),
    id           bigint      GENERATED ALWAYS AS IDENTITY,
    guichet      varchar(5)  NOT NULL REFERENCES guichet (code),
    auteur       text        NOT NULL,
    document     jsonb       NOT NULL,
    onglet       text        NOT NULL,
    cree_le      timestamptz NOT NULL DEFAULT now(),
    modifie_le   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (territoire, id)
);
CREATE INDEX brouillon_guichet_idx ON brouillon (territoire, guichet, modifie_le DESC);
ALTER TABLE brouillon ENABLE ROW LEVEL SECURITY;
ALTER TABLE brouillon FORCE ROW LEVEL SECURITY;
CREATE POLICY brouillon_du_territoire ON brouillon
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
GRANT SELECT, INSERT, UPDATE, DELETE ON brouillon TO ${approle};
