-- The floor of the BPJAMSOSTEK import at 1M rows: the same writes as `kawal import --source bpjs`
-- on the benchmark's file, done set-based in the sqlite3 shell, without checks, merge rules or
-- per-row statements. BENCHMARKS.md ("Imports, 2026-11-29 16:25") explains what it shows.
--
--   kawal bench import --rows 1000000 --dir /tmp/ib --keep-files
--   kawal import --source pemkot /tmp/ib/pemkot.csv --db /tmp/ib/floor.sqlite --today 2026-11-27
--   cd /tmp/ib && time sqlite3 floor.sqlite < .../Benchmarks/bpjs-floor.sql
--
-- The provenance rows approximate what the merge rules write for this file (identifiers,
-- both addresses, both estimated worker counts for a third of the companies, status and
-- registered workers); cases are opened for the four in five new companies that are not Patuh.
.mode csv
.timer on
.import bpjs.csv bpjs_raw
PRAGMA cache_size=-65536;
BEGIN;
CREATE TEMP TABLE b AS SELECT rowid AS line, NULLIF(NPP,'') AS npp, "Nama Perusahaan" AS name, replace(replace(NPWP,'.',''),'-','') AS npwp, Alamat AS address, Kecamatan AS kecamatan, "Status Kepesertaan" AS status, CAST("TK Terdaftar" AS INT) AS reg, CAST("TK Potensi" AS INT) AS est FROM bpjs_raw;
CREATE TEMP TABLE m AS SELECT c.id, b.* FROM b JOIN company c ON c.npwp = b.npwp;
DROP TRIGGER company_fts_ai; DROP TRIGGER company_fts_ad; DROP TRIGGER company_fts_au; DROP TRIGGER compliance_case_ai;
DROP INDEX company_by_name; DROP INDEX company_by_kecamatan; DROP INDEX company_by_kbli; DROP INDEX company_by_unprotected; DROP INDEX company_by_status; DROP INDEX company_by_stage; DROP INDEX company_by_deadline;
UPDATE company SET npp = m.npp, status = m.status, status_rank = 1, registered_workers = m.reg, unprotected_workers = m.est - m.reg FROM m WHERE company.id = m.id;
INSERT OR REPLACE INTO field_source SELECT id, 'npwp', 'bpjs', npwp FROM m;
INSERT OR REPLACE INTO field_source SELECT id, 'npp', 'bpjs', npp FROM m WHERE npp IS NOT NULL;
INSERT OR REPLACE INTO field_source SELECT id, 'address', 'bpjs', address FROM m;
INSERT OR REPLACE INTO field_source SELECT id, 'address', 'pemkot', 'x' FROM m;
INSERT OR REPLACE INTO field_source SELECT id, 'estimatedWorkers', 'bpjs', est FROM m WHERE id % 3 = 0;
INSERT OR REPLACE INTO field_source SELECT id, 'estimatedWorkers', 'pemkot', est FROM m WHERE id % 3 = 0;
INSERT OR REPLACE INTO field_source SELECT id, 'status', 'bpjs', status FROM m;
INSERT OR REPLACE INTO field_source SELECT id, 'registeredWorkers', 'bpjs', reg FROM m;
INSERT INTO company(name, name_key, legal_form, npwp, nib, npp, kbli, address, address_key, kelurahan, kecamatan, phone, owner, owner_key, estimated_workers, registered_workers, unprotected_workers, scale, status, status_rank, origin, name_match, stage, stage_rank)
 SELECT name, lower(name), 'pt', npwp, NULL, npp, '', address, lower(address), '', kecamatan, '', '', '', est, reg, est-reg, 'mikro', status, 0, 'bpjs', lower(name), 'identified', 0 FROM b WHERE line > 500000;
INSERT INTO field_source SELECT id, 'npwp', 'bpjs', npwp FROM company WHERE id > 1000000;
INSERT INTO field_source SELECT id, 'npp', 'bpjs', npp FROM company WHERE id > 1000000 AND npp IS NOT NULL;
INSERT INTO compliance_case(company_id, stage, opened_on) SELECT id, 'identified', '2026-11-27' FROM company WHERE id > 1000000 AND id % 5 <> 0;
PRAGMA threads=2; PRAGMA cache_size=-16384;
CREATE INDEX company_by_name ON company(name_key, id);
CREATE INDEX company_by_kecamatan ON company(kecamatan, name_key, id);
CREATE INDEX company_by_kbli ON company(kbli, name_key, id);
CREATE INDEX company_by_unprotected ON company(unprotected_workers, id);
CREATE INDEX company_by_status ON company(status_rank, name_key, id);
CREATE INDEX company_by_stage ON company(stage_rank, name_key, id);
CREATE INDEX company_by_deadline ON company(next_deadline, name_key, id);
INSERT INTO company_fts(company_fts, rank) VALUES ('hashsize', 33554432);
INSERT INTO company_fts(rowid, name_key, address_key, npwp, owner_key) SELECT id, name_key, address_key, npwp, owner_key FROM company WHERE id > 1000000 ORDER BY id;
COMMIT;
