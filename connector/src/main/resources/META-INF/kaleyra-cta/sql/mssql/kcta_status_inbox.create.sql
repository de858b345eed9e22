-- Kaleyra WhatsApp CTA connector: the status inbox (one row per message id and status that Kaleyra reported).
-- Created by the connector when the engine may create its tables (databaseSchemaUpdate=true);
-- otherwise run this file on the engine's database before the engine starts. Times are UTC.
create table KCTA_STATUS_INBOX (
  MESSAGE_ID_ nvarchar(128) not null,
  STATUS_ nvarchar(16) not null,
  STATUS_TIME_ datetime2(3) not null,
  ERROR_CODE_ nvarchar(64),
  ERROR_TITLE_ nvarchar(255),
  RECEIVED_AT_ datetime2(3) not null,
  primary key (MESSAGE_ID_, STATUS_)
);
create index KCTA_IDX_STATUS_RECEIVED on KCTA_STATUS_INBOX(RECEIVED_AT_);
