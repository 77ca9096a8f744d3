-- Settlement of cancels and refunds: attempts can be closed or captured, refunds carry every
-- reason and the channel's answer, money movements are posted to a ledger and every change of an
-- order is written to an append-only audit trail.

alter table payment_attempt drop constraint payment_attempt_status_check;
alter table payment_attempt add constraint payment_attempt_status_check
    check (status in ('OPENING', 'OPEN', 'REJECTED', 'CLOSED', 'CAPTURED'));
-- When the janitor last asked the channel about this attempt.
alter table payment_attempt add column checked_at timestamptz;
create index payment_attempt_open_idx on payment_attempt (status) where status in ('OPENING', 'OPEN');

alter table refund drop constraint refund_reason_check;
alter table refund add constraint refund_reason_check
    check (reason in ('DUPLICATE_PAYMENT', 'PAID_AFTER_CANCEL', 'ORDER_CANCELLED', 'MANUAL'));
alter table refund add column channel_refund_id varchar(64);
alter table refund add column failure          varchar(300);
alter table refund add column submissions      int not null default 0;
alter table refund add column checked_at       timestamptz;
-- Per-order reads of captures and refunds (order pages, invariant checks).
create index capture_order_idx on capture (order_id);
create index refund_order_idx on refund (order_id);
create index refund_unsettled_idx on refund (status) where status in ('REQUESTED', 'SUBMITTED');

-- Why and by whom an order was cancelled.
alter table orders add column cancel_reason varchar(32);
create index orders_pending_expiry_idx on orders (expires_at) where status = 'PENDING';

-- Money movements, signed: + a capture, - a succeeded refund. Each capture and refund is posted
-- once (unique per kind and reference), so the ledger of an order sums to what ExactPay holds.
create table ledger_entry (
    id            bigint generated always as identity primary key,
    order_id      uuid         not null references orders (id),
    kind          varchar(16)  not null check (kind in ('CAPTURE', 'REFUND')),
    reference_id  uuid         not null,
    channel       varchar(16)  not null,
    amount_minor  bigint       not null check (amount_minor <> 0),
    currency      char(3)      not null,
    posted_at     timestamptz  not null,
    constraint ledger_entry_reference_key unique (kind, reference_id),
    constraint ledger_entry_sign check ((kind = 'CAPTURE') = (amount_minor > 0))
);
create index ledger_entry_order_idx on ledger_entry (order_id);

-- Every change of an order, its attempts and refunds: who or what caused it, the order's status
-- before and after, when. Rows are only ever added.
create table order_audit (
    id            bigint generated always as identity primary key,
    order_id      uuid         not null references orders (id),
    revision      int          not null,
    occurred_at   timestamptz  not null,
    actor         varchar(64)  not null,
    action        varchar(48)  not null,
    status_before varchar(16),
    status_after  varchar(16)  not null,
    detail        varchar(500)
);
create index order_audit_order_idx on order_audit (order_id, id);

create function order_audit_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'order_audit is append-only';
end
$$;
create trigger order_audit_no_change before update or delete on order_audit
    for each statement execute function order_audit_append_only();
