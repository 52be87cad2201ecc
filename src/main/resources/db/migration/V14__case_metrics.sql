-- jukiflow schema v14: the managers' read model (metrics module). One row per process instance of every procedure,
-- written by engine listeners in the engine's own transaction, so the dashboard never scans the engine's history.
-- Portable SQL: runs on H2 and PostgreSQL.

create table case_metric (
    process_instance_id varchar(64)  primary key,
    procedure_key       varchar(100) not null,   -- the process definition key, e.g. transfer-in-with-card
    municipality_code   varchar(6)   not null,   -- the tenant
    channel             varchar(20),             -- the process variable "channel" at the start (WEB, MAIL, PAPER, ...)
    started_at          timestamp    not null,
    started_on          date         not null,   -- started_at as a date in Japan
    ended_at            timestamp,
    ended_on            date,
    outcome             varchar(200),            -- the name of the end event reached, or 取消 when cancelled
    business_days       integer,                 -- cycle time in business days (the business calendar)
    duration_seconds    bigint
);
-- covering indexes: each grouped pass of the dashboard reads one index only, never the table
create index case_metric_started_idx on case_metric (municipality_code, started_on, procedure_key, channel);
create index case_metric_ended_idx on case_metric (municipality_code, ended_on, procedure_key, outcome, business_days);
create index case_metric_open_idx on case_metric (municipality_code, ended_at, procedure_key);
