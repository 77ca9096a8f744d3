-- A message id is its sender's: two legacy systems may use the same one for different commands.
-- Each processed command is kept under the authenticated broker user that sent it (the client id),
-- with the command it was, so a replay is told apart from a reused id.
alter table processed_message add column client_id varchar(64);
alter table processed_message add column command varchar(32);
-- Recorded before the broker authenticated senders, when AddOrderRemark was the only command.
update processed_message set client_id = '', command = 'AddOrderRemark';
alter table processed_message alter column client_id set not null;
alter table processed_message alter column command set not null;
alter table processed_message drop constraint processed_message_pkey;
alter table processed_message add constraint processed_message_pkey primary key (client_id, message_id);
