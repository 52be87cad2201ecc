-- One-time PIN requests (暗証番号の入力依頼): the clerk opens one for a card and a purpose, the resident keys the
-- PIN on the PIN pad, and a process reads only the outcome. The PIN itself is never stored here.
create table pin_request (
    id                varchar(36)  not null primary key,   -- random UUID
    card_number       varchar(20)  not null,
    municipality_code varchar(6)   not null references municipality (code),  -- the counter that asked
    purpose           varchar(40)  not null,
    reference         varchar(100),                         -- process instance / task, optional
    created_by        varchar(100) not null,
    created_at        timestamp    not null,
    expires_at        timestamp    not null,
    outcome           varchar(10),                          -- null (pending) / OK / WRONG / LOCKED
    attempts_left     integer,
    attempts          integer      not null default 0,
    completed_at      timestamp,
    version           integer      not null default 0
);
create index pin_request_card_idx on pin_request (card_number);
