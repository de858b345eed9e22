-- Kaleyra WhatsApp CTA connector: the status inbox (one row per message id and status that Kaleyra reported).
-- Created by the connector when the engine may create its tables (databaseSchemaUpdate=true);
-- otherwise run this file on the engine's database before the engine starts. Times are UTC. KNOWN_ = 1 once a wait
-- or the send ledger knew the message id; rows still 0 after kaleyra.callback.unknown-retention-minutes are dropped.
create table KCTA_STATUS_INBOX (
  MESSAGE_ID_ varchar(128) not null,
  STATUS_ varchar(16) not null,
  STATUS_TIME_ datetime(3) not null,
  ERROR_CODE_ varchar(64),
  ERROR_TITLE_ varchar(255),
  RECEIVED_AT_ datetime(3) not null,
  KNOWN_ smallint default 0 not null,
  primary key (MESSAGE_ID_, STATUS_)
);
create index KCTA_IDX_STATUS_RECEIVED on KCTA_STATUS_INBOX(RECEIVED_AT_);
create index KCTA_IDX_STATUS_UNKNOWN on KCTA_STATUS_INBOX(KNOWN_, RECEIVED_AT_);
