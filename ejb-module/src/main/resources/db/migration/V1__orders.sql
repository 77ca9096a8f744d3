-- Orders, their remarks, and the ids of processed commands (exactly-once for JMS commands).
-- Amounts are integers in minor units; currency is explicit.

create table orders (
    id                uuid         primary key,
    client_id         varchar(64)  not null,
    merchant_order_no varchar(64)  not null,
    amount_minor      bigint       not null check (amount_minor > 0),
    currency          char(3)      not null check (currency ~ '^[A-Z]{3}$'),
    subject           varchar(128) not null,
    status            varchar(16)  not null
        check (status in ('PENDING', 'PAID', 'CLOSING', 'CLOSED', 'REFUNDING', 'REFUNDED')),
    revision          integer      not null check (revision >= 1),
    created_at        timestamptz  not null,
    expires_at        timestamptz  not null,
    constraint orders_client_merchant_order_no_key unique (client_id, merchant_order_no)
);

-- A remark attached to an order by a legacy system or support; each one is a revision of the order.
create table order_remark (
    id         bigint generated always as identity primary key,
    order_id   uuid          not null references orders (id),
    revision   integer       not null,
    author     varchar(64)   not null,
    text       varchar(500)  not null,
    created_at timestamptz   not null,
    constraint order_remark_order_revision_key unique (order_id, revision)
);

-- Every JMS command that was acted on, recorded in the same transaction as its effect, with the
-- order revision it produced (what a replay of the same message id is answered with).
create table processed_message (
    message_id       varchar(64)  primary key,
    consumer         varchar(64)  not null,
    delivery_attempt integer      not null check (delivery_attempt >= 1),
    order_id         uuid         not null references orders (id),
    order_revision   integer      not null,
    processed_at     timestamptz  not null
);
