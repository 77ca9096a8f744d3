-- Merchant webhooks (Standard Webhooks): a portal client's endpoints, an outbox row per event and
-- endpoint written in the same XA transaction as the change behind the event, and every delivery
-- attempt. Numbered 20 to leave room for the migrations of parallel work.

create table webhook_endpoint (
    id                        uuid          primary key,
    -- The portal's client (the token's client_id claim): only its orders' events go here.
    client_id                 varchar(128)  not null,
    url                       varchar(2048) not null check (url ~ '^https?://'),
    -- The event types subscribed, space-separated (OrderPaid DuplicatePaymentRefunding ...).
    event_types               varchar(1000) not null,
    -- whsec_ + base64 of 32 random bytes. Kept readable: the sender signs with it.
    secret                    varchar(100)  not null,
    -- After a rotation the previous secret also signs until it expires, so a receiver can switch
    -- without missing a message.
    previous_secret           varchar(100),
    previous_secret_expires_at timestamptz,
    created_at                timestamptz   not null,
    disabled_at               timestamptz,
    check ((previous_secret is null) = (previous_secret_expires_at is null))
);
create index webhook_endpoint_client_idx on webhook_endpoint (client_id) where disabled_at is null;

-- The outbox: one row per event per endpoint. webhook-id is the event id, the same on every
-- attempt and resend, so a receiver deduplicates by it.
create table webhook_delivery (
    id              uuid          primary key,
    endpoint_id     uuid          not null references webhook_endpoint (id),
    event_id        uuid          not null,
    event_type      varchar(64)   not null,
    order_id        uuid          not null,
    payload         text          not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer       not null default 0,
    created_at      timestamptz   not null,
    -- Due for its next attempt (PENDING); a sender claims a row by moving this past its timeout.
    next_attempt_at timestamptz   not null,
    -- Retries stop here and the row is DEAD; a resend opens a new window.
    retry_until     timestamptz   not null,
    delivered_at    timestamptz,
    unique (endpoint_id, event_id)
);
create index webhook_delivery_due_idx on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_order_idx on webhook_delivery (order_id);

-- Every attempt, for the merchant and support: what the receiver answered, or why nothing came.
create table webhook_attempt (
    id              bigserial     primary key,
    delivery_id     uuid          not null references webhook_delivery (id),
    attempted_at    timestamptz   not null,
    status_code     integer,
    latency_ms      bigint        not null,
    response_excerpt varchar(500),
    error           varchar(500)
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempted_at);
