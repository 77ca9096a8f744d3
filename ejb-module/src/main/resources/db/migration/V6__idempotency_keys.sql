-- Idempotency-Key of portal writes (DESIGN.md section 5): one row per client and key, written in
-- the same transaction as the write it guards, with the response to replay. A second request with
-- the key waits on the primary key while the first runs, then finds its row (or none, if it
-- rolled back). Rows older than the retention (24 h by default) are deleted by the janitor.
create table idempotency_key (
    client_id         varchar(128) not null,
    idempotency_key   varchar(255) not null,
    -- SHA-256 (hex) of the request's method, path and body: the same key with another request is refused.
    fingerprint       char(64)     not null,
    created_at        timestamptz  not null,
    -- Filled before the transaction commits: only a successful response is kept, an error rolls the
    -- key back with the write. Empty only while the taking transaction runs, so nobody sees that.
    response_status   smallint check (response_status between 200 and 299),
    response_location varchar(2048),
    response_type     varchar(128),
    response_body     text,
    primary key (client_id, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
