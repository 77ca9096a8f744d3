-- One row per channel trade opened for an order. out_trade_no is ours, unique across channels, so
-- a callback or a query names exactly one attempt. The row is written before the channel is called.
create table payment_attempt (
    id            uuid         primary key,
    order_id      uuid         not null references orders (id),
    channel       varchar(16)  not null check (channel in ('WECHAT_PAY', 'ALIPAY')),
    out_trade_no  varchar(32)  not null,
    amount_minor  bigint       not null check (amount_minor > 0),
    currency      char(3)      not null,
    status        varchar(16)  not null check (status in ('OPENING', 'OPEN', 'REJECTED')),
    qr_code       text,
    channel_error varchar(200),
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    constraint payment_attempt_out_trade_no_key unique (out_trade_no),
    constraint payment_attempt_open_has_qr_code check (status <> 'OPEN' or qr_code is not null)
);

create index payment_attempt_order_idx on payment_attempt (order_id);
