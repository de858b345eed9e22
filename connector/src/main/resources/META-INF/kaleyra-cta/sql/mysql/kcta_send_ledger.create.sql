-- Kaleyra WhatsApp CTA connector: the send ledger (one row per message that may have reached a customer).
-- Created by the connector when the engine may create its tables (databaseSchemaUpdate=true);
-- otherwise run this file on the engine's database before the engine starts. Times are UTC.
create table KCTA_SEND_LEDGER (
  DELIVERY_KEY_ varchar(64) not null,
  STATE_ varchar(16) not null,
  STARTED_AT_ datetime(3) not null,
  COMPLETED_AT_ datetime(3),
  NODE_ varchar(255),
  PROC_INST_ID_ varchar(64),
  ACT_ID_ varchar(255),
  BUSINESS_KEY_ varchar(255),
  TENANT_ID_ varchar(64),
  JOB_ID_ varchar(64),
  MESSAGE_ID_ varchar(128),
  ERROR_ varchar(1000),
  primary key (DELIVERY_KEY_)
);
create index KCTA_IDX_LEDGER_MSG on KCTA_SEND_LEDGER(MESSAGE_ID_);
create index KCTA_IDX_LEDGER_PROC on KCTA_SEND_LEDGER(PROC_INST_ID_);
create index KCTA_IDX_LEDGER_STARTED on KCTA_SEND_LEDGER(STARTED_AT_);
