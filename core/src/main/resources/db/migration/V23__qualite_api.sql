-- API quality (issue #7): idempotency keys expire after 24 h and are purged by a recurring job.
CREATE INDEX idempotence_expiration ON idempotence (territoire, cree_le);
GRANT DELETE ON idempotence TO ${approle};
