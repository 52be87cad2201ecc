-- Card suspensions (一時停止, DOMAIN.md §4): one row per report, numbered per municipality and year
-- (S-013676-2026-000001). The card's own status and events live in card / card_event.
create table card_suspension_sequence (
    municipality_code varchar(6) not null,
    suspension_year   integer    not null,
    last_value        integer    not null,
    primary key (municipality_code, suspension_year)
);

create table card_suspension (
    suspension_number     varchar(24)  not null primary key,  -- 一時停止番号, S-013676-2026-000001
    municipality_code     varchar(6)   not null,              -- the card's managing municipality (the tenant)
    card_number           varchar(20)  not null,
    card_id               bigint       not null references card (id),
    reason                varchar(20)  not null,              -- LOSS / THEFT / DAMAGE / OTHER
    reason_detail         varchar(500),
    lost_on               date,                               -- the day of the loss or theft, when known
    police_receipt_number varchar(20),                        -- 警察の受理番号 (loss and theft; may come later)
    channel               varchar(20)  not null,              -- COUNTER / PHONE / CALLCENTER
    office_id             varchar(40),
    reporter_name         varchar(100) not null,
    reporter_relation     varchar(40),
    reporter_phone        varchar(30),
    reporter_email        varchar(200),
    status                varchar(20)  not null,              -- SUSPENDED / LIFTED / ABOLISHED
    reported_at           timestamp    not null,
    reported_by           varchar(100) not null,              -- the clerk or call-centre operator
    confirmed_at          timestamp,                          -- 「一時停止の確認」 completed
    closed_at             timestamp,
    closed_by             varchar(100),
    process_instance_id   varchar(64),
    idempotency_key       varchar(220),
    version               integer      not null default 0,
    constraint card_suspension_idempotency_uk unique (idempotency_key)
);
create index card_suspension_card_idx on card_suspension (card_number, status);
