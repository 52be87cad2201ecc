-- A deployment may keep a card managed by a municipality it does not serve: the card presented at its counter for a
-- special transfer-in from another deployment, kept from the 転出証明書情報 and managed by the origin until the
-- continuation (DOMAIN.md §2, §3). The municipality table lists only the municipalities this deployment serves, so
-- card.managing_municipality_code no longer refers to it. The reference had no name of its own (its generated name
-- differs between H2 and PostgreSQL), so the column is rebuilt without it. Portable SQL.
alter table card add column managing_code varchar(6);
update card set managing_code = managing_municipality_code;
alter table card drop column managing_municipality_code;
alter table card rename column managing_code to managing_municipality_code;
alter table card alter column managing_municipality_code set not null;
