-- Supporting documents (pièces justificatives, issue #6): the "dossier unique" of an application.
-- The bytes live in object storage under <territoire>/pieces/<numero>/<sha256> (derivatives: the
-- same key with a suffix); a row exists only once its object is stored. Deleting a document is a
-- flag (the history and the bytes stay until the application is purged: V16's sne_purger_demande
-- deletes these rows, having a numero_unique column, and PurgeDemandes deletes their objects).
--
-- What the analysis keeps: derived facts (language, metadata, tax-notice year and RFR, suggested
-- type, whether a NIR was seen), never the extracted text: it holds the very NIR the masked
-- derivative hides, and every nominative detail of the document, in a place no profile rule
-- covers (database dumps, exports, replicas). The text can always be extracted again.

CREATE TABLE piece_justificative (
    territoire               varchar(3)  NOT NULL REFERENCES territoire (code),
    id                       bigint      GENERATED ALWAYS AS IDENTITY,
    numero_unique            varchar(18) NOT NULL,
    sha256                   char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    cle_objet                text        NOT NULL,
    nom_fichier              text        NOT NULL CHECK (length(nom_fichier) BETWEEN 1 AND 255),
    type_mime                text        NOT NULL,
    format                   text        NOT NULL CHECK (format IN ('PDF', 'JPEG', 'PNG', 'HEIC', 'TIFF')),
    taille                   bigint      NOT NULL CHECK (taille > 0),
    pages                    integer     CHECK (pages >= 0),
    -- codes of fr.sne.documents.catalogue (CategoriePiece, TypePiece): checked by the code, shaped here
    categorie                text        CHECK (categorie ~ '^[A-Z_]{2,40}$'),
    type                     text        CHECK (type ~ '^[A-Z_]{2,40}$'),
    type_suggere             text        CHECK (type_suggere ~ '^[A-Z_]{2,40}$'),
    fin_validite             date,
    deposant                 text        NOT NULL CHECK (deposant IN ('GUICHET', 'DEMANDEUR', 'SERVICE_NUMERISATION', 'EDITEUR')),
    -- who deposited: the audit's actor id, a label for professionals, the desk (none for an applicant or a GT)
    depose_par               text        NOT NULL,
    depose_par_libelle       text        NOT NULL,
    guichet                  varchar(5)  REFERENCES guichet (code),
    depose_le                timestamptz NOT NULL DEFAULT now(),
    indice_pertinence        text        NOT NULL DEFAULT 'NON_VERIFIE'
        CHECK (indice_pertinence IN ('REGLEMENTAIRE', 'NON_VERIFIE', 'SUSPICION_FRAUDE', 'HORS_PERIMETRE')),
    commentaire              text        CHECK (length(commentaire) <= 4000),
    -- sub-documents by page range: [{"de": 1, "a": 2, "libelle": "Avis d'imposition 2022"}]
    sous_documents           jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sous_documents) = 'array'),
    -- the analysis job: claimed with a lease, retried, failed after a few attempts
    analyse_statut           text        NOT NULL DEFAULT 'EN_ATTENTE'
        CHECK (analyse_statut IN ('EN_ATTENTE', 'EN_COURS', 'TERMINEE', 'ECHEC')),
    analyse_tentatives       smallint    NOT NULL DEFAULT 0,
    analyse_bail_jusqua      timestamptz,
    analyse_le               timestamptz,
    analyse_erreur           text,
    langue                   text,
    metadonnees              jsonb,
    annee_revenus            smallint,
    revenu_fiscal_reference  bigint,
    -- null until analysed: nobody but the profiles allowed to see sensitive data opens it before
    nir_detecte              boolean,
    cle_masquee              text,
    cle_apercu               text,
    type_mime_apercu         text,
    -- set by the reconciliation when the original's object is missing from storage
    objet_manquant_le        timestamptz,
    supprime_le              timestamptz,
    supprime_par             text,
    -- optimistic locking of the desks' qualification
    version                  integer     NOT NULL DEFAULT 1,
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, numero_unique) REFERENCES demande (territoire, numero_unique),
    CONSTRAINT piece_cle_ck CHECK (cle_objet = territoire || '/pieces/' || numero_unique || '/' || sha256),
    CONSTRAINT piece_derives_ck CHECK (
        (cle_masquee IS NULL OR cle_masquee LIKE cle_objet || '.%')
        AND (cle_apercu IS NULL OR (cle_apercu LIKE cle_objet || '.%' AND type_mime_apercu IS NOT NULL))),
    CONSTRAINT piece_suppression_ck CHECK ((supprime_le IS NULL) = (supprime_par IS NULL)),
    CONSTRAINT piece_analyse_ck CHECK (analyse_statut <> 'TERMINEE' OR nir_detecte IS NOT NULL)
);
-- the same bytes once per application (a deleted document may be deposited again)
CREATE UNIQUE INDEX piece_justificative_sha_uk ON piece_justificative (territoire, numero_unique, sha256)
    WHERE supprime_le IS NULL;
-- the hot query: an application's documents (also the reconciliation's lookup by key prefix)
CREATE INDEX piece_justificative_demande_idx ON piece_justificative (territoire, numero_unique, depose_le);
-- the analysis sweep's queue
CREATE INDEX piece_justificative_analyse_idx ON piece_justificative (territoire, depose_le)
    WHERE analyse_statut IN ('EN_ATTENTE', 'EN_COURS');

-- The history of each document: who deposited, analysed, viewed, downloaded, requalified, deleted it.
CREATE TABLE piece_action (
    territoire      varchar(3)  NOT NULL REFERENCES territoire (code),
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    piece_id        bigint      NOT NULL,
    numero_unique   varchar(18) NOT NULL,
    action          text        NOT NULL
        CHECK (action IN ('DEPOSEE', 'ANALYSEE', 'CONSULTEE', 'TELECHARGEE', 'REQUALIFIEE', 'SUPPRIMEE')),
    -- the audit's actor id, a label for professionals, the desk (shown to the applicant instead of a person)
    acteur          text        NOT NULL,
    acteur_libelle  text        NOT NULL,
    guichet         varchar(5),
    horodatage      timestamptz NOT NULL DEFAULT clock_timestamp(),
    detail          jsonb,
    PRIMARY KEY (territoire, id),
    FOREIGN KEY (territoire, piece_id) REFERENCES piece_justificative (territoire, id)
);
CREATE INDEX piece_action_piece_idx ON piece_action (territoire, piece_id, horodatage);
CREATE INDEX piece_action_demande_idx ON piece_action (territoire, numero_unique, horodatage);

-- Row-level security: the territory's actors (policies in code decide the profile), national read,
-- and the applicant (sne.compte) on their own application only: they read its documents and
-- history, deposit documents and leave the trace of their own views — nothing else.
ALTER TABLE piece_justificative ENABLE ROW LEVEL SECURITY;
ALTER TABLE piece_justificative FORCE ROW LEVEL SECURITY;
CREATE POLICY piece_justificative_du_territoire ON piece_justificative
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY piece_justificative_lecture_nationale ON piece_justificative FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY piece_justificative_du_compte ON piece_justificative FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = piece_justificative.territoire
                     AND d.numero_unique = piece_justificative.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));
CREATE POLICY piece_justificative_depot_du_compte ON piece_justificative FOR INSERT
    WITH CHECK (deposant = 'DEMANDEUR' AND EXISTS (SELECT 1 FROM demande d WHERE d.territoire = piece_justificative.territoire
                     AND d.numero_unique = piece_justificative.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

ALTER TABLE piece_action ENABLE ROW LEVEL SECURITY;
ALTER TABLE piece_action FORCE ROW LEVEL SECURITY;
CREATE POLICY piece_action_du_territoire ON piece_action
    USING (territoire = current_setting('sne.territoire', true))
    WITH CHECK (territoire = current_setting('sne.territoire', true));
CREATE POLICY piece_action_lecture_nationale ON piece_action FOR SELECT
    USING (current_setting('sne.portee', true) = 'NATIONAL');
CREATE POLICY piece_action_du_compte ON piece_action FOR SELECT
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = piece_action.territoire
                     AND d.numero_unique = piece_action.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));
CREATE POLICY piece_action_trace_du_compte ON piece_action FOR INSERT
    WITH CHECK (action IN ('DEPOSEE', 'CONSULTEE', 'TELECHARGEE')
                AND EXISTS (SELECT 1 FROM demande d WHERE d.territoire = piece_action.territoire
                     AND d.numero_unique = piece_action.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

GRANT SELECT, INSERT ON piece_justificative TO ${approle};
-- what may change after the deposit: qualification, analysis, derivatives, flags — never the bytes' identity
GRANT UPDATE (categorie, type, type_suggere, fin_validite, indice_pertinence, commentaire, sous_documents,
              analyse_statut, analyse_tentatives, analyse_bail_jusqua, analyse_le, analyse_erreur, langue, metadonnees,
              annee_revenus, revenu_fiscal_reference, nir_detecte, pages, cle_masquee, cle_apercu, type_mime_apercu,
              objet_manquant_le, supprime_le, supprime_par, version)
    ON piece_justificative TO ${approle};
-- the history is append-only
GRANT SELECT, INSERT ON piece_action TO ${approle};
