BEGIN TRANSACTION;
CREATE TABLE cadre (
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('male', 'female')),
  birth_year INTEGER NOT NULL,
  education TEXT NOT NULL,
  courses TEXT NOT NULL,
  field TEXT NOT NULL,
  village TEXT NOT NULL,
  address TEXT NOT NULL,
  status TEXT NOT NULL,
  notes TEXT NOT NULL,
  registered_at REAL NOT NULL
, withdrawn_at REAL, withdrawal_reason TEXT, name_key TEXT NOT NULL DEFAULT '');
INSERT INTO "cadre" VALUES('cdr_3nb7arymx4sz2s',1,'Ni Luh Ayu','female',1994,'SMA','["Posyandu"]','kesehatan','51.03.02.2001','Banjar Kaja','candidate','bidan desa',1.79654701734102439881e+09,NULL,NULL,'ni luh ayu');
INSERT INTO "cadre" VALUES('cdr_3nb7arymx4sz2t',2,'Yohanes Wenda','male',1988,'','[]','ekonomi','91.03.01.2004','','candidate','',1.79654701734102439881e+09,NULL,NULL,'yohanes wenda');
INSERT INTO "cadre" VALUES('cdr_3nb7arymx4sz2u',3,'Siti Aminah','female',1990,'','[]','pendidikan','51.03.02.2001','','candidate','',1.79654701734102439881e+09,1.79654701736133861535e+09,'duplikat impor','siti aminah');
CREATE TABLE cadre_move (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id TEXT NOT NULL REFERENCES cadre(id),
  from_village TEXT NOT NULL,
  to_village TEXT NOT NULL,
  at REAL NOT NULL
);
INSERT INTO "cadre_move" VALUES(1,'cdr_3nb7arymx4sz2u','51.03.01.1001','51.03.02.2001',1.79654701735841012006e+09);
CREATE TABLE call_key (
  key TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  params_digest TEXT NOT NULL,
  at REAL NOT NULL,
  reply TEXT
) WITHOUT ROWID;
INSERT INTO "call_key" VALUES('fixture-register','cadre.register','5f77917968cea648',1.79654701734112429625e+09,'{"result":{"cadres":[{"address":"Banjar Kaja","birth_year":1994,"courses":["Posyandu"],"education":"SMA","field":"kesehatan","id":"cdr_3nb7arymx4sz2s","name":"Ni Luh Ayu","notes":"bidan desa","registered_at":"2026-12-06T08:50:17Z","sex":"female","status":"candidate","village":"51.03.02.2001","village_name":"Munggu"},{"address":"","birth_year":1988,"courses":[],"education":"","field":"ekonomi","id":"cdr_3nb7arymx4sz2t","name":"Yohanes Wenda","notes":"","registered_at":"2026-12-06T08:50:17Z","sex":"male","status":"candidate","village":"91.03.01.2004","village_name":"Sereh"},{"address":"","birth_year":1990,"courses":[],"education":"","field":"pendidikan","id":"cdr_3nb7arymx4sz2u","name":"Siti Aminah","notes":"","registered_at":"2026-12-06T08:50:17Z","sex":"female","status":"candidate","village":"51.03.01.1001","village_name":"Tuban"}]}}');
CREATE TABLE facilitator (
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  phone TEXT NOT NULL,
  email TEXT NOT NULL,
  capacity INTEGER NOT NULL,
  working_days TEXT NOT NULL,
  registered_at REAL NOT NULL
);
INSERT INTO "facilitator" VALUES('fac_3nb7arynm4h5nm',1,'Komang Ardana','pendamping_lokal_desa','081234567890','',1,'1,2,3,4,5',1.79654701736303400996e+09);
CREATE TABLE facilitator_assignment (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  facilitator_id TEXT NOT NULL REFERENCES facilitator(id),
  region TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT
);
INSERT INTO "facilitator_assignment" VALUES(1,'fac_3nb7arynm4h5nm','51.03.02','2026-10-07',NULL);
CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
INSERT INTO "grdb_migrations" VALUES('v1: cadres, workflows, tasks, history');
INSERT INTO "grdb_migrations" VALUES('v2: scheduler deadlines and daemon facts');
INSERT INTO "grdb_migrations" VALUES('v3: the facilitator of a workflow');
INSERT INTO "grdb_migrations" VALUES('v4: counts by state, kept by triggers');
INSERT INTO "grdb_migrations" VALUES('v5: fewer index entries for each new task');
INSERT INTO "grdb_migrations" VALUES('v6: withdrawn registrations and moves between villages');
INSERT INTO "grdb_migrations" VALUES('v7: the status graduated is completed');
INSERT INTO "grdb_migrations" VALUES('v8: the facilitator register');
INSERT INTO "grdb_migrations" VALUES('v9: cadres found by name as compared');
INSERT INTO "grdb_migrations" VALUES('v10: counts for the progress report');
INSERT INTO "grdb_migrations" VALUES('v11: idempotency keys of calls');
INSERT INTO "grdb_migrations" VALUES('v12: compact task rows');
INSERT INTO "grdb_migrations" VALUES('v13: compact history');
INSERT INTO "grdb_migrations" VALUES('v14: the time index holds the village');
INSERT INTO "grdb_migrations" VALUES('v15: a planned task''s detail is read from its row');
INSERT INTO "grdb_migrations" VALUES('v16: the state index leaves out done and missed tasks');
CREATE TABLE history_entry (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at REAL NOT NULL,
  caller_uid INTEGER,
  kind INTEGER NOT NULL REFERENCES history_kind(n),
  entity_id TEXT NOT NULL,
  -- NULL where the kind keeps the detail.
  detail TEXT
);
INSERT INTO "history_entry" VALUES(1,1.79654701734102439881e+09,0,1,'cdr_3nb7arymx4sz2s','{"village":"51.03.02.2001"}');
INSERT INTO "history_entry" VALUES(2,1.79654701734102439881e+09,0,1,'cdr_3nb7arymx4sz2t','{"village":"91.03.01.2004"}');
INSERT INTO "history_entry" VALUES(3,1.79654701734102439881e+09,0,1,'cdr_3nb7arymx4sz2u','{"village":"51.03.01.1001"}');
INSERT INTO "history_entry" VALUES(4,1.79654701735841012006e+09,0,2,'cdr_3nb7arymx4sz2u','{"fields":"village","reason":"pindah domisili","village":"51.03.01.1001 → 51.03.02.2001"}');
INSERT INTO "history_entry" VALUES(5,1.79654701736133861535e+09,0,3,'cdr_3nb7arymx4sz2u','{"reason":"duplikat impor"}');
INSERT INTO "history_entry" VALUES(6,1.79654701736303400996e+09,0,4,'fac_3nb7arynm4h5nm','{"role":"pendamping_lokal_desa"}');
INSERT INTO "history_entry" VALUES(7,1.79654701736467409135e+09,0,5,'fac_3nb7arynm4h5nm','{"from":"2026-10-07","region":"51.03.02"}');
INSERT INTO "history_entry" VALUES(8,1.79654701736655926709e+09,0,6,'wf_3nb7arynqceqjy','{"facilitator":"fac_3nb7arynm4h5nm","program":"kpmd@1","start_date":"2026-12-07","tasks":"11"}');
INSERT INTO "history_entry" VALUES(9,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapye',NULL);
INSERT INTO "history_entry" VALUES(10,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyf',NULL);
INSERT INTO "history_entry" VALUES(11,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyg','{"blackout":"Tahun Baru Masehi","shifted_from":"2027-01-01T09:00:00+08:00"}');
INSERT INTO "history_entry" VALUES(12,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyh','{"conflict":"2027-01-30 is a saturday, not one of Komang Ardana (fac_3nb7arynm4h5nm)''s working days","facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(13,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyi','{"facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(14,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyj','{"facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(15,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyk','{"blackout":"Hari Lahir Pancasila","facilitator":"fac_3nb7arynm4h5nm","shifted_from":"2027-06-01T09:00:00+08:00"}');
INSERT INTO "history_entry" VALUES(16,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapym','{"facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(17,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyn','{"facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(18,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyp','{"facilitator":"fac_3nb7arynm4h5nm"}');
INSERT INTO "history_entry" VALUES(19,1.79654701736655926709e+09,0,7,'tsk_3nb7arynrcapyq',NULL);
INSERT INTO "history_entry" VALUES(20,1.7965470173713235855e+09,0,8,'tsk_3nb7arynrcapye','{"from":"scheduled","note":"12 peserta hadir","to":"done"}');
INSERT INTO "history_entry" VALUES(21,1.79654701737790489192e+09,0,6,'wf_3nb7aryp36sx2x','{"facilitator":"","program":"kpmd@1","start_date":"2026-12-16","tasks":"11"}');
INSERT INTO "history_entry" VALUES(22,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpg',NULL);
INSERT INTO "history_entry" VALUES(23,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvph',NULL);
INSERT INTO "history_entry" VALUES(24,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpi',NULL);
INSERT INTO "history_entry" VALUES(25,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpj',NULL);
INSERT INTO "history_entry" VALUES(26,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpk',NULL);
INSERT INTO "history_entry" VALUES(27,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpm',NULL);
INSERT INTO "history_entry" VALUES(28,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpn','{"blackout":"Hari Lahir Pancasila","shifted_from":"2027-06-01T09:00:00+09:00"}');
INSERT INTO "history_entry" VALUES(29,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpp',NULL);
INSERT INTO "history_entry" VALUES(30,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpq',NULL);
INSERT INTO "history_entry" VALUES(31,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvpr',NULL);
INSERT INTO "history_entry" VALUES(32,1.79654701737790489192e+09,0,7,'tsk_3nb7aryp4bmvps',NULL);
INSERT INTO "history_entry" VALUES(33,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpg','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(34,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvph','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(35,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpi','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(36,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpj','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(37,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpk','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(38,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpm','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(39,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpn','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(40,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpp','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(41,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpq','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(42,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvpr','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(43,1.79654701738045096404e+09,0,8,'tsk_3nb7aryp4bmvps','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history_entry" VALUES(44,1.79654701738045096404e+09,0,9,'wf_3nb7aryp36sx2x','{"reason":"kader pindah"}');
CREATE TABLE history_kind (
  n INTEGER PRIMARY KEY,
  caller_agent TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  action TEXT NOT NULL,
  -- The detail of every entry of this kind, or '' where each entry keeps its own.
  detail TEXT NOT NULL,
  UNIQUE (caller_agent, entity_kind, action, detail)
);
INSERT INTO "history_kind" VALUES(1,'client','cadre','registered','');
INSERT INTO "history_kind" VALUES(2,'client','cadre','updated','');
INSERT INTO "history_kind" VALUES(3,'client','cadre','withdrawn','');
INSERT INTO "history_kind" VALUES(4,'client','facilitator','registered','');
INSERT INTO "history_kind" VALUES(5,'client','facilitator','assigned','');
INSERT INTO "history_kind" VALUES(6,'client','workflow','started','');
INSERT INTO "history_kind" VALUES(7,'client','task','planned','@task');
INSERT INTO "history_kind" VALUES(8,'client','task','moved','');
INSERT INTO "history_kind" VALUES(9,'client','workflow','cancelled','');
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
INSERT INTO "meta" VALUES('scheduler.last_alive','1796547017.0671468');
CREATE TABLE progress_cadre (
  village TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (village, status)
) WITHOUT ROWID;
INSERT INTO "progress_cadre" VALUES('51.03.01.1001','candidate',0);
INSERT INTO "progress_cadre" VALUES('51.03.02.2001','candidate',1);
INSERT INTO "progress_cadre" VALUES('91.03.01.2004','candidate',1);
CREATE TABLE progress_count (
  district TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (district, key)
) WITHOUT ROWID;
INSERT INTO "progress_count" VALUES('51.03.02','done',1);
INSERT INTO "progress_count" VALUES('51.03.02','done_on_time',1);
INSERT INTO "progress_count" VALUES('51.03.02','step:',0);
INSERT INTO "progress_count" VALUES('51.03.02','step:identification',1);
INSERT INTO "progress_count" VALUES('91.03.01','step:',0);
CREATE TABLE progress_month (
  regency TEXT NOT NULL,
  month TEXT NOT NULL,
  key TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (regency, month, key)
) WITHOUT ROWID;
INSERT INTO "progress_month" VALUES('51.03','2026-12','done',1);
CREATE TABLE state_count (
  entity TEXT NOT NULL,
  state TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (entity, state)
) WITHOUT ROWID;
INSERT INTO "state_count" VALUES('task','cancelled',11);
INSERT INTO "state_count" VALUES('task','done',1);
INSERT INTO "state_count" VALUES('task','scheduled',10);
INSERT INTO "state_count" VALUES('workflow','active',1);
INSERT INTO "state_count" VALUES('workflow','cancelled',1);
CREATE TABLE "task" (
  id TEXT PRIMARY KEY NOT NULL,
  workflow_id TEXT NOT NULL REFERENCES workflow(id),
  step INTEGER NOT NULL REFERENCES task_step(n),
  occurrence INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  village TEXT NOT NULL,
  zone TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL,
  state TEXT NOT NULL,
  records TEXT NOT NULL,
  updated_at REAL NOT NULL,
  facilitator_id TEXT,
  conflict TEXT
) WITHOUT ROWID;
INSERT INTO "task" VALUES('tsk_3nb7arynrcapye','wf_3nb7arynqceqjy',1,1,1,'51.03.02.2001','Asia/Makassar',1796605200,1797814800,'done','{"note":"12 peserta hadir"}',1.7965470173713235855e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyf','wf_3nb7arynqceqjy',2,1,1,'51.03.02.2001','Asia/Makassar',1798419600,1798506000,'scheduled','{}',1.79654701736655926709e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyg','wf_3nb7arynqceqjy',3,1,1,'51.03.02.2001','Asia/Makassar',1798851600,1800061200,'scheduled','{}',1.79654701736655926709e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyh','wf_3nb7arynqceqjy',4,1,1,'51.03.02.2001','Asia/Makassar',1801267200,1801699200,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm','2027-01-30 is a saturday, not one of Komang Ardana (fac_3nb7arynm4h5nm)''s working days');
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyi','wf_3nb7arynqceqjy',5,1,6,'51.03.02.2001','Asia/Makassar',1806973200,1807232400,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyj','wf_3nb7arynqceqjy',5,2,6,'51.03.02.2001','Asia/Makassar',1809392400,1809651600,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyk','wf_3nb7arynqceqjy',5,3,6,'51.03.02.2001','Asia/Makassar',1811898000,1812157200,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapym','wf_3nb7arynqceqjy',5,4,6,'51.03.02.2001','Asia/Makassar',1814835600,1815094800,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyn','wf_3nb7arynqceqjy',5,5,6,'51.03.02.2001','Asia/Makassar',1817254800,1817514000,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyp','wf_3nb7arynqceqjy',5,6,6,'51.03.02.2001','Asia/Makassar',1820278800,1820538000,'scheduled','{}',1.79654701736655926709e+09,'fac_3nb7arynm4h5nm',NULL);
INSERT INTO "task" VALUES('tsk_3nb7arynrcapyq','wf_3nb7arynqceqjy',6,1,1,'51.03.02.2001','Asia/Makassar',1821747600,1822957200,'scheduled','{}',1.79654701736655926709e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpg','wf_3nb7aryp36sx2x',1,1,1,'91.03.01.2004','Asia/Jayapura',1797379200,1798588800,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvph','wf_3nb7aryp36sx2x',2,1,1,'91.03.01.2004','Asia/Jayapura',1799193600,1799280000,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpi','wf_3nb7aryp36sx2x',3,1,1,'91.03.01.2004','Asia/Jayapura',1799539200,1800748800,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpj','wf_3nb7aryp36sx2x',4,1,1,'91.03.01.2004','Asia/Jayapura',1801954800,1802386800,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpk','wf_3nb7aryp36sx2x',5,1,6,'91.03.01.2004','Asia/Jayapura',1806969600,1807228800,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpm','wf_3nb7aryp36sx2x',5,2,6,'91.03.01.2004','Asia/Jayapura',1809388800,1809648000,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpn','wf_3nb7aryp36sx2x',5,3,6,'91.03.01.2004','Asia/Jayapura',1811894400,1812153600,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpp','wf_3nb7aryp36sx2x',5,4,6,'91.03.01.2004','Asia/Jayapura',1814832000,1815091200,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpq','wf_3nb7aryp36sx2x',5,5,6,'91.03.01.2004','Asia/Jayapura',1817251200,1817510400,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvpr','wf_3nb7aryp36sx2x',5,6,6,'91.03.01.2004','Asia/Jayapura',1820275200,1820534400,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb7aryp4bmvps','wf_3nb7aryp36sx2x',6,1,1,'91.03.01.2004','Asia/Jayapura',1821744000,1822953600,'cancelled','{}',1.79654701738045096404e+09,NULL,NULL);
CREATE TABLE task_step (
  n INTEGER PRIMARY KEY,
  step_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (step_id, kind, title)
);
INSERT INTO "task_step" VALUES(1,'identification','identification','Identifikasi calon KPMD');
INSERT INTO "task_step" VALUES(2,'deliberation','deliberation','Pemilihan KPMD dalam Musyawarah Desa');
INSERT INTO "task_step" VALUES(3,'decree','decree','Penetapan KPMD dengan SK Kepala Desa');
INSERT INTO "task_step" VALUES(4,'training','training','Pelatihan dasar KPMD (5 hari)');
INSERT INTO "task_step" VALUES(5,'mentoring','mentoring_visit','Kunjungan pendampingan KPMD');
INSERT INTO "task_step" VALUES(6,'evaluation','evaluation','Evaluasi kinerja KPMD');
CREATE TABLE workflow (
  id TEXT PRIMARY KEY NOT NULL,
  seq INTEGER NOT NULL UNIQUE,
  program_id TEXT NOT NULL,
  program_version INTEGER NOT NULL,
  village TEXT NOT NULL,
  zone TEXT NOT NULL,
  start_date TEXT NOT NULL,
  state TEXT NOT NULL,
  created_at REAL NOT NULL
, facilitator TEXT NOT NULL DEFAULT '', facilitator_id TEXT REFERENCES facilitator(id), reached_step TEXT, reached_start INTEGER);
INSERT INTO "workflow" VALUES('wf_3nb7arynqceqjy',1,'kpmd',1,'51.03.02.2001','Asia/Makassar','2026-12-07','active',1.79654701736655926709e+09,'','fac_3nb7arynm4h5nm','identification',1796605200);
INSERT INTO "workflow" VALUES('wf_3nb7aryp36sx2x',2,'kpmd',1,'91.03.01.2004','Asia/Jayapura','2026-12-16','cancelled',1.79654701737790489192e+09,'',NULL,NULL,NULL);
CREATE TABLE workflow_cadre (
  workflow_id TEXT NOT NULL REFERENCES workflow(id),
  cadre_id TEXT NOT NULL REFERENCES cadre(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (workflow_id, cadre_id)
);
INSERT INTO "workflow_cadre" VALUES('wf_3nb7arynqceqjy','cdr_3nb7arymx4sz2s',0);
INSERT INTO "workflow_cadre" VALUES('wf_3nb7aryp36sx2x','cdr_3nb7arymx4sz2t',0);
CREATE INDEX cadre_by_village ON cadre(village, seq);
CREATE INDEX workflow_by_village ON workflow(village, seq);
CREATE INDEX workflow_cadre_by_cadre ON workflow_cadre(cadre_id);
CREATE TRIGGER workflow_count_insert AFTER INSERT ON workflow BEGIN INSERT INTO state_count (entity, state, n) VALUES ('workflow', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER workflow_count_update AFTER UPDATE OF state ON workflow
  WHEN OLD.state IS NOT NEW.state BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'workflow' AND state = OLD.state; INSERT INTO state_count (entity, state, n) VALUES ('workflow', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER workflow_count_delete AFTER DELETE ON workflow BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'workflow' AND state = OLD.state; END;
CREATE INDEX cadre_move_by_from ON cadre_move(from_village);
CREATE INDEX cadre_move_by_to ON cadre_move(to_village);
CREATE INDEX facilitator_assignment_by_region ON facilitator_assignment(region);
CREATE INDEX facilitator_assignment_by_facilitator ON facilitator_assignment(facilitator_id);
CREATE INDEX workflow_by_facilitator ON workflow(facilitator_id) WHERE facilitator_id IS NOT NULL;
CREATE INDEX cadre_by_name_key ON cadre(village, name_key);
CREATE TRIGGER progress_cadre_insert AFTER INSERT ON cadre BEGIN INSERT INTO progress_cadre (village, status, n) SELECT NEW.village, NEW.status, 1
  WHERE NEW.withdrawn_at IS NULL
  ON CONFLICT (village, status) DO UPDATE SET n = n + excluded.n; END;
CREATE TRIGGER progress_cadre_update AFTER UPDATE OF village, status, withdrawn_at ON cadre BEGIN
  INSERT INTO progress_cadre (village, status, n) SELECT OLD.village, OLD.status, -1
  WHERE OLD.withdrawn_at IS NULL
  ON CONFLICT (village, status) DO UPDATE SET n = n + excluded.n;
  INSERT INTO progress_cadre (village, status, n) SELECT NEW.village, NEW.status, 1
  WHERE NEW.withdrawn_at IS NULL
  ON CONFLICT (village, status) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER progress_workflow_insert AFTER INSERT ON workflow BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'step:' || COALESCE(NEW.reached_step, ''), 1 WHERE NEW.state = 'active'
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
END;
CREATE TRIGGER progress_workflow_update AFTER UPDATE OF village, state, reached_step ON workflow BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(OLD.village, 1, 8), 'step:' || COALESCE(OLD.reached_step, ''), -1 WHERE OLD.state = 'active'
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'step:' || COALESCE(NEW.reached_step, ''), 1 WHERE NEW.state = 'active'
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
END;
CREATE INDEX call_key_by_at ON call_key(at);
CREATE TRIGGER progress_task_update AFTER UPDATE OF state ON task WHEN OLD.state IS NOT NEW.state BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'done_on_time', 1 WHERE NEW.state = 'done' AND NEW.updated_at <= NEW.window_end
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_month (regency, month, key, n)
  SELECT substr(NEW.village, 1, 5), strftime('%Y-%m', NEW.window_start + (CASE NEW.zone WHEN 'Asia/Jayapura' THEN 32400 WHEN 'Asia/Makassar' THEN 28800 WHEN 'Asia/Ujung_Pandang' THEN 28800 ELSE 25200 END), 'unixepoch'), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (regency, month, key) DO UPDATE SET n = n + 1;
  UPDATE workflow SET reached_step = (SELECT step_id FROM task_step WHERE n = NEW.step), reached_start = NEW.window_start
  WHERE id = NEW.workflow_id AND NEW.state IN ('due', 'in_progress', 'done', 'missed')
    AND (reached_start IS NULL OR reached_start < NEW.window_start
         OR (reached_start = NEW.window_start AND reached_step IS NOT (SELECT step_id FROM task_step WHERE n = NEW.step)));
END;
CREATE INDEX task_by_village ON task(village, window_start, id);
CREATE INDEX task_by_workflow ON task(workflow_id, window_start, id);
CREATE TRIGGER task_count_update AFTER UPDATE OF state ON task
  WHEN OLD.state IS NOT NEW.state BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'task' AND state = OLD.state; INSERT INTO state_count (entity, state, n) VALUES ('task', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER task_count_delete AFTER DELETE ON task BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'task' AND state = OLD.state; END;
CREATE INDEX task_due_by_end ON task(window_end, id) WHERE state = 'due';
CREATE INDEX task_by_facilitator ON task(facilitator_id, window_start, id)
  WHERE facilitator_id IS NOT NULL;
CREATE TRIGGER progress_task_insert AFTER INSERT ON task WHEN NEW.state IN ('done', 'missed') BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'done_on_time', 1 WHERE NEW.state = 'done' AND NEW.updated_at <= NEW.window_end
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_month (regency, month, key, n)
  SELECT substr(NEW.village, 1, 5), strftime('%Y-%m', NEW.window_start + (CASE NEW.zone WHEN 'Asia/Jayapura' THEN 32400 WHEN 'Asia/Makassar' THEN 28800 WHEN 'Asia/Ujung_Pandang' THEN 28800 ELSE 25200 END), 'unixepoch'), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (regency, month, key) DO UPDATE SET n = n + 1;
END;
CREATE INDEX history_by_entity ON history_entry(entity_id, seq);
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history_entry
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER history_kind_is_append_only_update BEFORE UPDATE ON history_kind
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER history_kind_is_append_only_delete BEFORE DELETE ON history_kind
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE INDEX task_by_window ON task(window_start, village);
CREATE VIEW history (seq, at, caller_uid, caller_agent, entity_kind, entity_id, action, detail) AS
  SELECT e.seq, e.at, e.caller_uid, k.caller_agent, k.entity_kind, e.entity_id, k.action,
         CASE k.detail WHEN '@task' THEN CASE WHEN e.detail IS NULL THEN (SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = e.entity_id)
     ELSE (SELECT json_group_object(key, value) FROM (
             SELECT key, value FROM json_each(json_patch((SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = e.entity_id), e.detail)) ORDER BY key))
END
                       ELSE COALESCE(e.detail, k.detail) END
  FROM history_entry e CROSS JOIN history_kind k ON k.n = e.kind;
CREATE TRIGGER history_insert INSTEAD OF INSERT ON history BEGIN
  SELECT RAISE(ABORT, 'NOT NULL constraint failed: history.detail') WHERE NEW.detail IS NULL;
  INSERT INTO history_kind (caller_agent, entity_kind, action, detail)
  VALUES (NEW.caller_agent, NEW.entity_kind, NEW.action, CASE WHEN NEW.detail = '{}' THEN '{}'
     WHEN NEW.action = 'planned' AND NEW.entity_kind = 'task' THEN (
       CASE WHEN CASE WHEN NOT json_valid(NEW.detail) OR json_type(NEW.detail) != 'object' THEN 0
     ELSE NEW.detail = CASE WHEN NULLIF(json_remove(NEW.detail, '$.step', '$.workflow'), '{}') IS NULL THEN (SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = NEW.entity_id)
     ELSE (SELECT json_group_object(key, value) FROM (
             SELECT key, value FROM json_each(json_patch((SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = NEW.entity_id), NULLIF(json_remove(NEW.detail, '$.step', '$.workflow'), '{}'))) ORDER BY key))
END END THEN '@task' ELSE '' END)
     WHEN json_valid(NEW.detail) THEN (
       CASE WHEN NEW.detail = json_object('from', json_extract(NEW.detail, '$.from'),
                                         'to', json_extract(NEW.detail, '$.to'))
            THEN NEW.detail ELSE '' END)
     ELSE '' END) ON CONFLICT DO NOTHING;
  INSERT INTO history_entry (seq, at, caller_uid, kind, entity_id, detail)
  SELECT NEW.seq, NEW.at, NEW.caller_uid, k.n, NEW.entity_id,
         CASE k.detail WHEN '' THEN NEW.detail WHEN '@task' THEN NULLIF(json_remove(NEW.detail, '$.step', '$.workflow'), '{}') END
  FROM history_kind k
  WHERE k.caller_agent = NEW.caller_agent AND k.entity_kind = NEW.entity_kind AND k.action = NEW.action
    AND k.detail = CASE WHEN NEW.detail = '{}' THEN '{}'
     WHEN NEW.action = 'planned' AND NEW.entity_kind = 'task' THEN (
       CASE WHEN CASE WHEN NOT json_valid(NEW.detail) OR json_type(NEW.detail) != 'object' THEN 0
     ELSE NEW.detail = CASE WHEN NULLIF(json_remove(NEW.detail, '$.step', '$.workflow'), '{}') IS NULL THEN (SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = NEW.entity_id)
     ELSE (SELECT json_group_object(key, value) FROM (
             SELECT key, value FROM json_each(json_patch((SELECT json_object('step', s.step_id, 'workflow', t.workflow_id) FROM task t JOIN task_step s ON s.n = t.step WHERE t.id = NEW.entity_id), NULLIF(json_remove(NEW.detail, '$.step', '$.workflow'), '{}'))) ORDER BY key))
END END THEN '@task' ELSE '' END)
     WHEN json_valid(NEW.detail) THEN (
       CASE WHEN NEW.detail = json_object('from', json_extract(NEW.detail, '$.from'),
                                         'to', json_extract(NEW.detail, '$.to'))
            THEN NEW.detail ELSE '' END)
     ELSE '' END;
END;
CREATE TRIGGER task_keeps_its_workflow_and_step BEFORE UPDATE OF workflow_id, step ON task
  WHEN NEW.workflow_id IS NOT OLD.workflow_id
    OR (NEW.step IS NOT OLD.step
        AND (SELECT step_id FROM task_step WHERE n = NEW.step) IS NOT (SELECT step_id FROM task_step WHERE n = OLD.step))
  BEGIN SELECT RAISE(ABORT, 'a task keeps the workflow and step it was planned for'); END;
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history_entry
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE INDEX task_by_state ON task(state, window_start, id, window_end) WHERE state NOT IN ('done', 'missed');
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('history_entry',44);
INSERT INTO "sqlite_sequence" VALUES('cadre_move',1);
INSERT INTO "sqlite_sequence" VALUES('facilitator_assignment',1);
COMMIT;
