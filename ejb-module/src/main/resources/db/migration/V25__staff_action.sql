-- What a person did from the support console or the staff API that is not a change of an order
-- (a webhook sent again, a dead letter replayed or discarded): who, what, on what, when. A refund
-- retried is also a change of its order and is in order_audit as well. Rows are only ever added.
create table staff_action (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz   not null,
    actor       varchar(200)  not null,
    action      varchar(48)   not null,
    -- What was acted on: a webhook delivery id, a dead letter's JMS message id, a refund id.
    subject     varchar(200)  not null,
    order_id    uuid,
    detail      varchar(1000)
);
create index staff_action_order_idx on staff_action (order_id, id) where order_id is not null;

create function staff_action_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'staff_action is append-only';
end
$$;
create trigger staff_action_no_change before update or delete on staff_action
    for each statement execute function staff_action_append_only();

-- The support console finds an order by any of its numbers; these two were indexed only behind
-- another column (client_id, channel), and a received callback is found by its trade.
create index orders_merchant_order_no_idx on orders (merchant_order_no);
create index capture_channel_txn_id_idx on capture (channel_txn_id);
create index callback_inbox_out_trade_no_idx on callback_inbox (out_trade_no);
