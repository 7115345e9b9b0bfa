-- SNE Communautés (issue #10): knowledge-base articles drawn from resolved tickets.
--
-- The article itself is an ordinary information-site article (table article, national content);
-- this table only remembers, for the support team, which ticket an article came from (readers
-- never see it: the article carries no link back). It is a ticket child table: the ticket's
-- territory is copied by sne_ticket_territoire and sne_communaute_visible applies, like V34.
CREATE TABLE article_assistance (
    ticket_id  bigint      NOT NULL REFERENCES ticket_assistance (id) ON DELETE CASCADE,
    article_id bigint      NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    territoire varchar(3),
    agent_id   bigint      NOT NULL REFERENCES utilisateur (id),
    -- how many personal data the removal found in the proposal (names, addresses, numbers)
    retraits   integer     NOT NULL DEFAULT 0,
    cree_le    timestamptz NOT NULL,
    PRIMARY KEY (ticket_id, article_id)
);
CREATE INDEX article_assistance_territoire_idx ON article_assistance (territoire, ticket_id);
CREATE UNIQUE INDEX article_assistance_article_uk ON article_assistance (article_id);

CREATE TRIGGER article_assistance_territoire BEFORE INSERT OR UPDATE ON article_assistance
    FOR EACH ROW EXECUTE FUNCTION sne_ticket_territoire();

ALTER TABLE article_assistance ENABLE ROW LEVEL SECURITY;
ALTER TABLE article_assistance FORCE ROW LEVEL SECURITY;
CREATE POLICY article_assistance_communaute ON article_assistance
    USING (sne_communaute_visible(territoire)) WITH CHECK (sne_communaute_visible(territoire));

GRANT SELECT, INSERT ON article_assistance TO ${approle};
