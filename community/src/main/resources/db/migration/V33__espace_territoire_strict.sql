-- The rows that belong to a space (members, the outbox, notifications...) take the space's
-- territory through sne_espace_territoire (V27). When the writer's scope could not see the space,
-- the lookup found nothing and the row was filed as national content, readable by everyone.
-- Now such a write is refused, as the forums' trigger does (sne_forum_territoire, V28); rows
-- without a space keep no territory.
CREATE OR REPLACE FUNCTION sne_espace_territoire() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.espace_id IS NULL THEN
        NEW.territoire := NULL;
        RETURN NEW;
    END IF;
    SELECT e.territoire INTO NEW.territoire FROM espace e WHERE e.id = NEW.espace_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'espace % hors de la portée courante', NEW.espace_id USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;
