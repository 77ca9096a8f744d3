package io.exactpay.legacy;

/** The legacy system's own tables in these tests: its orders, and the events it has taken in. */
final class ErpSchema {

    static final String DDL = """
            create table if not exists erp_order (
              merchant_order_no text primary key,
              status text not null
            );
            create table if not exists erp_event (
              event_id uuid primary key,
              type text not null,
              order_id uuid not null
            );
            """;

    private ErpSchema() {
    }
}
