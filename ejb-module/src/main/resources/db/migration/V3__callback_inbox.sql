-- Channel callback nonces seen within their timestamp window (replay guard shared by all instances).
create table callback_nonce (
    scope        varchar(16)  not null,
    nonce        varchar(64)  not null,
    forget_after timestamptz  not null,
    primary key (scope, nonce)
);
create index callback_nonce_forget_idx on callback_nonce (forget_after);

-- Every verified channel callback we acted on, once per (channel, channel transaction, event):
-- written in the same XA transaction that hands the event to settlement.
create table callback_inbox (
    id             bigint generated always as identity primary key,
    channel        varchar(16)  not null check (channel in ('WECHAT_PAY', 'ALIPAY')),
    channel_txn_id varchar(64)  not null,
    event_type     varchar(32)  not null check (event_type in ('PAYMENT_CAPTURED', 'REFUND_SETTLED')),
    out_trade_no   varchar(32)  not null,
    amount_minor   bigint       not null check (amount_minor > 0),
    currency       char(3)      not null,
    received_at    timestamptz  not null,
    constraint callback_inbox_event_key unique (channel, channel_txn_id, event_type)
);
