-- Search engine (issue #8): requests for a full rebuild of the community search index and their
-- outcome; the job (db-scheduler) takes the pending ones, so a request survives a restart and a
-- rebuild cut short by a crash is run again.
-- RLS: none, on purpose. This is national technical data (no territory, nothing about applicants,
-- only the requesting national administrator's user id), like the reference tables; it is read
-- and written without a tenant scope, the application decides who may ask (RecherchePolicy:
-- national administrators) and the request is audited in the same transaction.
CREATE TABLE recherche_reconstruction (
    id            bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    motif         varchar(20) NOT NULL CHECK (motif IN ('ADMINISTRATEUR', 'INDEX_ABSENT', 'QUOTIDIENNE')),
    demandee_le   timestamptz NOT NULL,
    demandee_par  bigint      REFERENCES utilisateur (id),
    commencee_le  timestamptz,
    terminee_le   timestamptz,
    documents     bigint,
    erreur        text
);
CREATE INDEX recherche_reconstruction_en_attente ON recherche_reconstruction (id) WHERE terminee_le IS NULL;
CREATE INDEX recherche_reconstruction_demandee ON recherche_reconstruction (demandee_le DESC);
GRANT SELECT, INSERT, UPDATE ON recherche_reconstruction TO ${approle};
