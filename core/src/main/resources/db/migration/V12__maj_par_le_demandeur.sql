-- An applicant updates their own registered application from the portal (issue #4, "Update").
-- The update runs in the applicant's scope (sne.compte, no territory): PostgreSQL itself lets
-- them write only the application linked to their account (demande.compte_demandeur, V10) and
-- the rows that go with its change — the new version, the GDM movement, the wanted communes
-- kept by the V9 trigger. A territory scope would have opened the whole territory to the
-- transaction; this one opens one row. What an applicant may change inside the content is the
-- application's rule (ModificationParLeDemandeur), checked by DemandeService.

CREATE POLICY demande_maj_du_compte ON demande FOR UPDATE
    USING (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint)
    WITH CHECK (compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint);

-- The other tables follow their application: visible (under the policies above and V10's
-- demande_du_compte) only when it is the applicant's own.
CREATE POLICY demande_version_du_compte ON demande_version
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = demande_version.territoire
                     AND d.numero_unique = demande_version.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint))
    WITH CHECK (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = demande_version.territoire
                     AND d.numero_unique = demande_version.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

CREATE POLICY mouvement_du_compte ON mouvement FOR INSERT
    WITH CHECK (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = mouvement.territoire
                     AND d.numero_unique = mouvement.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));

CREATE POLICY demande_commune_du_compte ON demande_commune
    USING (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = demande_commune.territoire
                     AND d.numero_unique = demande_commune.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint))
    WITH CHECK (EXISTS (SELECT 1 FROM demande d WHERE d.territoire = demande_commune.territoire
                     AND d.numero_unique = demande_commune.numero_unique
                     AND d.compte_demandeur = nullif(current_setting('sne.compte', true), '')::bigint));
