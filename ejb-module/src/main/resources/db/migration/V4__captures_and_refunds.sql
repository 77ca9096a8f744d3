-- Money the channels took for an order. One capture per attempt; at most one PRIMARY per order
-- (invariant 1, enforced by the database as the last line of defence).
create table capture (
    id             uuid         primary key,
    order_id       uuid         not null references orders (id),
    attempt_id     uuid         not null references payment_attempt (id),
    channel        varchar(16)  not null,
    channel_txn_id varchar(64)  not null,
    amount_minor   bigint       not null check (amount_minor > 0),
    currency       char(3)      not null,
    role           varchar(16)  not null check (role in ('PRIMARY', 'DUPLICATE', 'LATE')),
    captured_at    timestamptz  not null,
    constraint capture_attempt_key unique (attempt_id),
    constraint capture_channel_txn_key unique (channel, channel_txn_id)
);
create unique index capture_one_primary_per_order on capture (order_id) where role = 'PRIMARY';

-- A refund of one capture: every DUPLICATE and LATE capture gets exactly one (invariant 1).
create table refund (
    id             uuid         primary key,
    order_id       uuid         not null references orders (id),
    capture_id     uuid         not null references capture (id),
    out_refund_no  varchar(64)  not null,
    amount_minor   bigint       not null check (amount_minor > 0),
    currency       char(3)      not null,
    reason         varchar(32)  not null check (reason in ('DUPLICATE_PAYMENT', 'PAID_AFTER_CANCEL')),
    status         varchar(16)  not null check (status in ('REQUESTED', 'SUBMITTED', 'SUCCEEDED', 'FAILED')),
    created_at     timestamptz  not null,
    updated_at     timestamptz  not null,
    constraint refund_capture_key unique (capture_id),
    constraint refund_out_refund_no_key unique (out_refund_no)
);
