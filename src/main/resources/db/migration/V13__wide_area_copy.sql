-- Wide-area copy of the resident record (住民票の写しの広域交付, DOMAIN.md §7).
-- The copies issued at a counter, kept with their case: the receipt number printed on the copy
-- (<団体コード>-K-<年>-<6桁>, unique per issuing municipality and year), the process instance and the PDF.
create table wide_area_copy (
    receipt_number      varchar(24)  not null primary key,
    case_id             varchar(40)  not null,   -- the case's request id (business key, Juki-net correlation id)
    process_instance_id varchar(64)  not null unique,
    municipality_code   varchar(6)   not null,   -- the issuing municipality (tenant)
    home_code           varchar(6)   not null,   -- the home municipality that answered
    persons             integer      not null,
    fee                 integer      not null,
    pdf                 bytea        not null,
    created_by          varchar(100) not null,
    created_at          timestamp    not null
);
create index wide_area_copy_municipality_idx on wide_area_copy (municipality_code, created_at);

-- The last receipt number given per issuing municipality and year (the row is locked while a number is taken).
create table wide_area_copy_sequence (
    municipality_code varchar(6) not null,
    receipt_year      integer    not null,
    last_value        integer    not null,
    primary key (municipality_code, receipt_year)
);
