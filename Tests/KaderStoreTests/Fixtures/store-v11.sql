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
INSERT INTO "cadre" VALUES('cdr_3nb2zh83i6pf4q',1,'Ni Luh Ayu','female',1994,'SMA','["Posyandu"]','kesehatan','51.03.02.2001','Banjar Kaja','candidate','bidan desa',1.79640307512029647829e+09,NULL,NULL,'ni luh ayu');
INSERT INTO "cadre" VALUES('cdr_3nb2zh83i6pf4r',2,'Yohanes Wenda','male',1988,'','[]','ekonomi','91.03.01.2004','','candidate','',1.79640307512029647829e+09,NULL,NULL,'yohanes wenda');
INSERT INTO "cadre" VALUES('cdr_3nb2zh83i6pf4s',3,'Siti Aminah','female',1990,'','[]','pendidikan','51.03.02.2001','','candidate','',1.79640307512029647829e+09,1.79640307514831590656e+09,'duplikat impor','siti aminah');
CREATE TABLE cadre_move (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  cadre_id TEXT NOT NULL REFERENCES cadre(id),
  from_village TEXT NOT NULL,
  to_village TEXT NOT NULL,
  at REAL NOT NULL
);
INSERT INTO "cadre_move" VALUES(1,'cdr_3nb2zh83i6pf4s','51.03.01.1001','51.03.02.2001',1.79640307513743734363e+09);
CREATE TABLE call_key (
  key TEXT PRIMARY KEY,
  method TEXT NOT NULL,
  params_digest TEXT NOT NULL,
  at REAL NOT NULL,
  reply TEXT
) WITHOUT ROWID;
INSERT INTO "call_key" VALUES('fixture-register','cadre.register','5f77917968cea648',1.79640307512058877942e+09,'{"result":{"cadres":[{"address":"Banjar Kaja","birth_year":1994,"courses":["Posyandu"],"education":"SMA","field":"kesehatan","id":"cdr_3nb2zh83i6pf4q","name":"Ni Luh Ayu","notes":"bidan desa","registered_at":"2026-12-04T16:51:15Z","sex":"female","status":"candidate","village":"51.03.02.2001","village_name":"Munggu"},{"address":"","birth_year":1988,"courses":[],"education":"","field":"ekonomi","id":"cdr_3nb2zh83i6pf4r","name":"Yohanes Wenda","notes":"","registered_at":"2026-12-04T16:51:15Z","sex":"male","status":"candidate","village":"91.03.01.2004","village_name":"Sereh"},{"address":"","birth_year":1990,"courses":[],"education":"","field":"pendidikan","id":"cdr_3nb2zh83i6pf4s","name":"Siti Aminah","notes":"","registered_at":"2026-12-04T16:51:15Z","sex":"female","status":"candidate","village":"51.03.01.1001","village_name":"Tuban"}]}}');
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
INSERT INTO "facilitator" VALUES('fac_3nb2zh84g5fxak',1,'Komang Ardana','pendamping_lokal_desa','081234567890','',1,'1,2,3,4,5',1.79640307515092277528e+09);
CREATE TABLE facilitator_assignment (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  facilitator_id TEXT NOT NULL REFERENCES facilitator(id),
  region TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT
);
INSERT INTO "facilitator_assignment" VALUES(1,'fac_3nb2zh84g5fxak','51.03.02','2026-10-05',NULL);
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
CREATE TABLE history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  at REAL NOT NULL,
  caller_uid INTEGER,
  caller_agent TEXT NOT NULL,
  entity_kind TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);
INSERT INTO "history" VALUES(1,1.79640307512029647829e+09,0,'client','cadre','cdr_3nb2zh83i6pf4q','registered','{"village":"51.03.02.2001"}');
INSERT INTO "history" VALUES(2,1.79640307512029647829e+09,0,'client','cadre','cdr_3nb2zh83i6pf4r','registered','{"village":"91.03.01.2004"}');
INSERT INTO "history" VALUES(3,1.79640307512029647829e+09,0,'client','cadre','cdr_3nb2zh83i6pf4s','registered','{"village":"51.03.01.1001"}');
INSERT INTO "history" VALUES(4,1.79640307513743734363e+09,0,'client','cadre','cdr_3nb2zh83i6pf4s','updated','{"fields":"village","reason":"pindah domisili","village":"51.03.01.1001 → 51.03.02.2001"}');
INSERT INTO "history" VALUES(5,1.79640307514831590656e+09,0,'client','cadre','cdr_3nb2zh83i6pf4s','withdrawn','{"reason":"duplikat impor"}');
INSERT INTO "history" VALUES(6,1.79640307515092277528e+09,0,'client','facilitator','fac_3nb2zh84g5fxak','registered','{"role":"pendamping_lokal_desa"}');
INSERT INTO "history" VALUES(7,1.79640307515316343311e+09,0,'client','facilitator','fac_3nb2zh84g5fxak','assigned','{"from":"2026-10-05","region":"51.03.02"}');
INSERT INTO "history" VALUES(8,1.79640307515977191922e+09,0,'client','workflow','wf_3nb2zh84rgs9ac','started','{"facilitator":"fac_3nb2zh84g5fxak","program":"kpmd@1","start_date":"2026-12-05","tasks":"11"}');
INSERT INTO "history" VALUES(9,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbt','planned','{"step":"identification","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(10,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbu','planned','{"step":"deliberation","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(11,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbv','planned','{"step":"decree","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(12,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbw','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"training","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(13,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbx','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(14,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fby','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(15,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fbz','planned','{"blackout":"Hari Lahir Pancasila","facilitator":"fac_3nb2zh84g5fxak","shifted_from":"2027-06-01T09:00:00+08:00","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(16,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fc2','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(17,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fc3','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(18,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fc4','planned','{"facilitator":"fac_3nb2zh84g5fxak","step":"mentoring","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(19,1.79640307515977191922e+09,0,'client','task','tsk_3nb2zh84s85fc5','planned','{"step":"evaluation","workflow":"wf_3nb2zh84rgs9ac"}');
INSERT INTO "history" VALUES(20,1.79640307516788673403e+09,0,'client','task','tsk_3nb2zh84s85fbt','moved','{"from":"scheduled","note":"12 peserta hadir","to":"done"}');
INSERT INTO "history" VALUES(21,1.79640307517600345604e+09,0,'client','workflow','wf_3nb2zh85a2i22x','started','{"facilitator":"","program":"kpmd@1","start_date":"2026-12-14","tasks":"11"}');
INSERT INTO "history" VALUES(22,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i22y','planned','{"step":"identification","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(23,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i22z','planned','{"step":"deliberation","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(24,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i232','planned','{"step":"decree","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(25,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i233','planned','{"blackout":"Cuti Bersama Tahun Baru Imlek","shifted_from":"2027-02-05T08:00:00+09:00","step":"training","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(26,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i234','planned','{"step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(27,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i235','planned','{"step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(28,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i236','planned','{"blackout":"Hari Lahir Pancasila","shifted_from":"2027-06-01T09:00:00+09:00","step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(29,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i237','planned','{"step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(30,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i238','planned','{"step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(31,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i239','planned','{"step":"mentoring","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(32,1.79640307517600345604e+09,0,'client','task','tsk_3nb2zh85a2i23a','planned','{"step":"evaluation","workflow":"wf_3nb2zh85a2i22x"}');
INSERT INTO "history" VALUES(33,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i22y','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(34,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i22z','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(35,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i232','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(36,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i233','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(37,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i234','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(38,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i235','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(39,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i236','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(40,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i237','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(41,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i238','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(42,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i239','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(43,1.79640307518496513371e+09,0,'client','task','tsk_3nb2zh85a2i23a','moved','{"from":"scheduled","reason":"workflow cancelled","to":"cancelled"}');
INSERT INTO "history" VALUES(44,1.79640307518496513371e+09,0,'client','workflow','wf_3nb2zh85a2i22x','cancelled','{"reason":"kader pindah"}');
CREATE TABLE meta (
  key TEXT PRIMARY KEY NOT NULL,
  value TEXT NOT NULL
);
INSERT INTO "meta" VALUES('scheduler.last_alive','1796403074.7133517');
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
CREATE TABLE task (
  id TEXT PRIMARY KEY NOT NULL,
  workflow_id TEXT NOT NULL REFERENCES workflow(id),
  step_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  occurrence INTEGER NOT NULL,
  occurrences INTEGER NOT NULL,
  village TEXT NOT NULL,
  zone TEXT NOT NULL,
  window_start INTEGER NOT NULL,
  window_end INTEGER NOT NULL,
  state TEXT NOT NULL,
  records TEXT NOT NULL,
  updated_at REAL NOT NULL
, facilitator_id TEXT, conflict TEXT);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbt','wf_3nb2zh84rgs9ac','identification','identification','Identifikasi calon KPMD',1,1,'51.03.02.2001','Asia/Makassar',1796432400,1797642000,'done','{"note":"12 peserta hadir"}',1.79640307516788673403e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbu','wf_3nb2zh84rgs9ac','deliberation','deliberation','Pemilihan KPMD dalam Musyawarah Desa',1,1,'51.03.02.2001','Asia/Makassar',1798246800,1798333200,'scheduled','{}',1.79640307515977191922e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbv','wf_3nb2zh84rgs9ac','decree','decree','Penetapan KPMD dengan SK Kepala Desa',1,1,'51.03.02.2001','Asia/Makassar',1798592400,1799802000,'scheduled','{}',1.79640307515977191922e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbw','wf_3nb2zh84rgs9ac','training','training','Pelatihan dasar KPMD (5 hari)',1,1,'51.03.02.2001','Asia/Makassar',1801008000,1801440000,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbx','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',1,6,'51.03.02.2001','Asia/Makassar',1806973200,1807232400,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fby','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',2,6,'51.03.02.2001','Asia/Makassar',1809392400,1809651600,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fbz','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',3,6,'51.03.02.2001','Asia/Makassar',1811898000,1812157200,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fc2','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',4,6,'51.03.02.2001','Asia/Makassar',1814835600,1815094800,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fc3','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',5,6,'51.03.02.2001','Asia/Makassar',1817254800,1817514000,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fc4','wf_3nb2zh84rgs9ac','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',6,6,'51.03.02.2001','Asia/Makassar',1820278800,1820538000,'scheduled','{}',1.79640307515977191922e+09,'fac_3nb2zh84g5fxak',NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh84s85fc5','wf_3nb2zh84rgs9ac','evaluation','evaluation','Evaluasi kinerja KPMD',1,1,'51.03.02.2001','Asia/Makassar',1821747600,1822957200,'scheduled','{}',1.79640307515977191922e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i22y','wf_3nb2zh85a2i22x','identification','identification','Identifikasi calon KPMD',1,1,'91.03.01.2004','Asia/Jayapura',1797206400,1798416000,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i22z','wf_3nb2zh85a2i22x','deliberation','deliberation','Pemilihan KPMD dalam Musyawarah Desa',1,1,'91.03.01.2004','Asia/Jayapura',1799020800,1799107200,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i232','wf_3nb2zh85a2i22x','decree','decree','Penetapan KPMD dengan SK Kepala Desa',1,1,'91.03.01.2004','Asia/Jayapura',1799366400,1800576000,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i233','wf_3nb2zh85a2i22x','training','training','Pelatihan dasar KPMD (5 hari)',1,1,'91.03.01.2004','Asia/Jayapura',1801954800,1802386800,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i234','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',1,6,'91.03.01.2004','Asia/Jayapura',1806969600,1807228800,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i235','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',2,6,'91.03.01.2004','Asia/Jayapura',1809388800,1809648000,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i236','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',3,6,'91.03.01.2004','Asia/Jayapura',1811894400,1812153600,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i237','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',4,6,'91.03.01.2004','Asia/Jayapura',1814832000,1815091200,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i238','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',5,6,'91.03.01.2004','Asia/Jayapura',1817251200,1817510400,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i239','wf_3nb2zh85a2i22x','mentoring','mentoring_visit','Kunjungan pendampingan KPMD',6,6,'91.03.01.2004','Asia/Jayapura',1820275200,1820534400,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
INSERT INTO "task" VALUES('tsk_3nb2zh85a2i23a','wf_3nb2zh85a2i22x','evaluation','evaluation','Evaluasi kinerja KPMD',1,1,'91.03.01.2004','Asia/Jayapura',1821744000,1822953600,'cancelled','{}',1.79640307518496513371e+09,NULL,NULL);
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
INSERT INTO "workflow" VALUES('wf_3nb2zh84rgs9ac',1,'kpmd',1,'51.03.02.2001','Asia/Makassar','2026-12-05','active',1.79640307515977191922e+09,'','fac_3nb2zh84g5fxak','identification',1796432400);
INSERT INTO "workflow" VALUES('wf_3nb2zh85a2i22x',2,'kpmd',1,'91.03.01.2004','Asia/Jayapura','2026-12-14','cancelled',1.79640307517600345604e+09,'',NULL,NULL,NULL);
CREATE TABLE workflow_cadre (
  workflow_id TEXT NOT NULL REFERENCES workflow(id),
  cadre_id TEXT NOT NULL REFERENCES cadre(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (workflow_id, cadre_id)
);
INSERT INTO "workflow_cadre" VALUES('wf_3nb2zh84rgs9ac','cdr_3nb2zh83i6pf4q',0);
INSERT INTO "workflow_cadre" VALUES('wf_3nb2zh85a2i22x','cdr_3nb2zh83i6pf4r',0);
CREATE INDEX cadre_by_village ON cadre(village, seq);
CREATE INDEX workflow_by_village ON workflow(village, seq);
CREATE INDEX workflow_cadre_by_cadre ON workflow_cadre(cadre_id);
CREATE INDEX task_by_window ON task(window_start, id);
CREATE INDEX task_by_village ON task(village, window_start, id);
CREATE INDEX task_by_workflow ON task(workflow_id, window_start, id);
CREATE INDEX history_by_entity ON history(entity_id, seq);
CREATE TRIGGER history_is_append_only_update BEFORE UPDATE ON history
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER history_is_append_only_delete BEFORE DELETE ON history
  BEGIN SELECT RAISE(ABORT, 'the history is append-only'); END;
CREATE TRIGGER task_count_update AFTER UPDATE OF state ON task
  WHEN OLD.state IS NOT NEW.state BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'task' AND state = OLD.state; INSERT INTO state_count (entity, state, n) VALUES ('task', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER task_count_delete AFTER DELETE ON task BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'task' AND state = OLD.state; END;
CREATE TRIGGER workflow_count_insert AFTER INSERT ON workflow BEGIN INSERT INTO state_count (entity, state, n) VALUES ('workflow', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER workflow_count_update AFTER UPDATE OF state ON workflow
  WHEN OLD.state IS NOT NEW.state BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'workflow' AND state = OLD.state; INSERT INTO state_count (entity, state, n) VALUES ('workflow', NEW.state, 1)
    ON CONFLICT (entity, state) DO UPDATE SET n = n + 1; END;
CREATE TRIGGER workflow_count_delete AFTER DELETE ON workflow BEGIN UPDATE state_count SET n = n - 1 WHERE entity = 'workflow' AND state = OLD.state; END;
CREATE INDEX task_by_state ON task(state, window_start, id, window_end);
CREATE INDEX task_due_by_end ON task(window_end, id) WHERE state = 'due';
CREATE INDEX cadre_move_by_from ON cadre_move(from_village);
CREATE INDEX cadre_move_by_to ON cadre_move(to_village);
CREATE INDEX facilitator_assignment_by_region ON facilitator_assignment(region);
CREATE INDEX facilitator_assignment_by_facilitator ON facilitator_assignment(facilitator_id);
CREATE INDEX workflow_by_facilitator ON workflow(facilitator_id) WHERE facilitator_id IS NOT NULL;
CREATE INDEX task_by_facilitator ON task(facilitator_id, window_start, id)
  WHERE facilitator_id IS NOT NULL;
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
CREATE TRIGGER progress_task_insert AFTER INSERT ON task WHEN NEW.state IN ('done', 'missed') BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'done_on_time', 1 WHERE NEW.state = 'done' AND NEW.updated_at <= NEW.window_end
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_month (regency, month, key, n)
  SELECT substr(NEW.village, 1, 5), strftime('%Y-%m', NEW.window_start + (CASE NEW.zone WHEN 'Asia/Jayapura' THEN 32400 WHEN 'Asia/Makassar' THEN 28800 WHEN 'Asia/Ujung_Pandang' THEN 28800 ELSE 25200 END), 'unixepoch'), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (regency, month, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER progress_task_update AFTER UPDATE OF state ON task WHEN OLD.state IS NOT NEW.state BEGIN
  INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_count (district, key, n) SELECT substr(NEW.village, 1, 8), 'done_on_time', 1 WHERE NEW.state = 'done' AND NEW.updated_at <= NEW.window_end
  ON CONFLICT (district, key) DO UPDATE SET n = n + excluded.n;
INSERT INTO progress_month (regency, month, key, n)
  SELECT substr(NEW.village, 1, 5), strftime('%Y-%m', NEW.window_start + (CASE NEW.zone WHEN 'Asia/Jayapura' THEN 32400 WHEN 'Asia/Makassar' THEN 28800 WHEN 'Asia/Ujung_Pandang' THEN 28800 ELSE 25200 END), 'unixepoch'), NEW.state, 1 WHERE NEW.state IN ('done', 'missed')
  ON CONFLICT (regency, month, key) DO UPDATE SET n = n + 1;
  UPDATE workflow SET reached_step = NEW.step_id, reached_start = NEW.window_start
  WHERE id = NEW.workflow_id AND NEW.state IN ('due', 'in_progress', 'done', 'missed')
    AND (reached_start IS NULL OR reached_start < NEW.window_start
         OR (reached_start = NEW.window_start AND reached_step IS NOT NEW.step_id));
END;
CREATE INDEX call_key_by_at ON call_key(at);
DELETE FROM "sqlite_sequence";
INSERT INTO "sqlite_sequence" VALUES('history',44);
INSERT INTO "sqlite_sequence" VALUES('cadre_move',1);
INSERT INTO "sqlite_sequence" VALUES('facilitator_assignment',1);
COMMIT;
