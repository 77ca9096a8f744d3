-- A verified capture of another amount or currency than the order's is money the channel holds:
-- it is recorded (role MISMATCHED, never the order's payment) and refunded (reason AMOUNT_MISMATCH).
alter table capture drop constraint capture_role_check;
alter table capture add constraint capture_role_check
    check (role in ('PRIMARY', 'DUPLICATE', 'LATE', 'MISMATCHED'));

alter table refund drop constraint refund_reason_check;
alter table refund add constraint refund_reason_check
    check (reason in ('DUPLICATE_PAYMENT', 'PAID_AFTER_CANCEL', 'ORDER_CANCELLED', 'MANUAL', 'AMOUNT_MISMATCH'));
