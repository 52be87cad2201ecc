-- jukiflow schema v16: a failed status look-up also names the client that asked (its address as the servlet saw it; an
-- IPv6 client by its /64), so that wrong birth dates count per client: a stranger no longer locks the resident out of
-- their own receipt number. Rows from before this version (at most one window old) count for the number only.
alter table status_lookup_failure add column client_key varchar(64);
create index status_lookup_failure_client_idx on status_lookup_failure (client_key, failed_at);
