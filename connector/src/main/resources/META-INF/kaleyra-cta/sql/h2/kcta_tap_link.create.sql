-- Kaleyra WhatsApp CTA connector: tracked button links ("Track taps"), one row per link.
-- Created by the connector when the engine may create its tables (databaseSchemaUpdate=true);
-- otherwise run this file on the engine's database before the engine starts. Times are UTC.
-- Nothing personal: a random link id, the button URL, Kaleyra's message id, tap count and times, client kind.
create table KCTA_TAP_LINK (
  LINK_ID_ varchar(16) not null,
  ORIGINAL_URL_ varchar(2000) not null,
  CREATED_AT_ timestamp(3) not null,
  MESSAGE_ID_ varchar(128),
  TAPS_ integer not null,
  FIRST_TAP_AT_ timestamp(3),
  LAST_TAP_AT_ timestamp(3),
  FIRST_AGENT_ varchar(16),
  primary key (LINK_ID_)
);
create index KCTA_IDX_TAP_MSG on KCTA_TAP_LINK(MESSAGE_ID_);
create index KCTA_IDX_TAP_CREATED on KCTA_TAP_LINK(CREATED_AT_);
