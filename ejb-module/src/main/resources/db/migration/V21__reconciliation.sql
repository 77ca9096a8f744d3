-- Reconciliation: ExactPay's books against each channel's daily statement. One report per channel
-- and statement day (the channel's day, Beijing time); running it again replaces its lines.
create table reconciliation_report (
    id               uuid         primary key,
    channel          varchar(16)  not null check (channel in ('WECHAT_PAY', 'ALIPAY')),
    statement_date   date         not null,
    status           varchar(16)  not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    started_at       timestamptz  not null,
    finished_at      timestamptz,
    statement_lines  int          not null default 0,
    matched          int          not null default 0,
    channel_only     int          not null default 0,
    ledger_only      int          not null default 0,
    amount_mismatch  int          not null default 0,
    status_mismatch  int          not null default 0,
    failure          varchar(500),
    constraint reconciliation_report_day_key unique (channel, statement_date)
);

-- One money movement as the statement and the books see it. Amounts in minor units (fen); a side
-- that has no such movement leaves its amount empty.
create table reconciliation_line (
    id                   bigint generated always as identity primary key,
    report_id            uuid         not null references reconciliation_report (id) on delete cascade,
    outcome              varchar(16)  not null
        check (outcome in ('MATCHED', 'CHANNEL_ONLY', 'LEDGER_ONLY', 'AMOUNT_MISMATCH', 'STATUS_MISMATCH')),
    kind                 varchar(8)   not null check (kind in ('PAYMENT', 'REFUND')),
    channel_txn_id       varchar(64),
    out_trade_no         varchar(64),
    out_refund_no        varchar(64),
    channel_amount_minor bigint,
    ledger_amount_minor  bigint,
    currency             char(3)      not null,
    detail               varchar(300),
    action               varchar(300)
);
create index reconciliation_line_report_idx on reconciliation_line (report_id, id);
