-- Retention (RetentionTask): replay guards older than the retention period are deleted in batches,
-- found by their age; a settled refund's inbox row is matched by the channel's refund id.
-- callback_nonce (forget_after) and idempotency_key (created_at) have their index already.
create index callback_inbox_received_idx on callback_inbox (received_at);
create index processed_message_processed_idx on processed_message (processed_at);
create index refund_channel_refund_id_idx on refund (channel_refund_id);
