-- PIN reset (暗証番号の再設定, DOMAIN.md §5).
-- One-time requests for a NEW PIN: the resident keys the new PIN twice on the PIN pad in its "new PIN" mode; the
-- card's hash is replaced and the lock lifted. Only the outcome is kept here (set_at), never a PIN.
create table new_pin_request (
    id                varchar(36)  not null primary key,   -- random UUID
    card_number       varchar(20)  not null,
    municipality_code varchar(6)   not null references municipality (code),  -- the counter that asked
    purpose           varchar(40)  not null,
    reference         varchar(100),                         -- process instance / task, optional
    created_by        varchar(100) not null,
    created_at        timestamp    not null,
    expires_at        timestamp    not null,
    attempts          integer      not null default 0,      -- entries refused (rule or mismatch) or accepted
    set_at            timestamp,                            -- when the new PIN was set, else null
    version           integer      not null default 0
);
create index new_pin_request_card_idx on new_pin_request (card_number);

-- The 照会書 (inquiry letter) mailed to the holder when an agent asks for the reset, and when its 回答書 came back.
create table pin_reset_inquiry (
    inquiry_number      varchar(20)  not null primary key,   -- 照会番号 = a receipt number <団体コード>-<年>-<6桁>
    process_instance_id varchar(64)  not null unique,
    municipality_code   varchar(6)   not null,
    card_number         varchar(20)  not null,
    resident_code       varchar(11)  not null,
    issued_on           date         not null,
    answer_deadline     date         not null,
    pdf                 bytea        not null,
    created_by          varchar(100) not null,
    created_at          timestamp    not null,
    answer_received_at  timestamp
);
