-- DeleteServiceLinkedRole's deletion tasks. The role goes once the task is due (the request pipeline settles it);
-- NOT_STARTED and IN_PROGRESS are told from the task's age. status: PENDING | SUCCEEDED
CREATE TABLE slr_deletion_tasks (
  task_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  role_id TEXT NOT NULL,
  role_name TEXT NOT NULL,
  status TEXT NOT NULL,
  create_date TEXT NOT NULL
);
CREATE INDEX slr_deletion_tasks_pending ON slr_deletion_tasks (create_date) WHERE status = 'PENDING';
CREATE INDEX slr_deletion_tasks_role ON slr_deletion_tasks (role_id);

-- Last accessed data: an IAM user's or role's latest attempt at each action, written in batches off the request path.
-- entity_type: user | role; entity_id: the user's or role's unique ID (a new entity of the same name starts afresh).
CREATE TABLE last_accessed (
  account_id TEXT NOT NULL,
  entity_type TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  entity_arn TEXT NOT NULL,
  service TEXT NOT NULL,
  action TEXT NOT NULL,
  region TEXT NOT NULL,
  last_accessed TEXT NOT NULL,
  PRIMARY KEY (entity_id, service, action)
);
CREATE INDEX last_accessed_account ON last_accessed (account_id, service);

-- GenerateServiceLastAccessedDetails and GenerateOrganizationsAccessReport jobs. kind: service | organizations;
-- target: the entity or policy ARN, or the Organizations entity path; report: the JSON result once completed.
CREATE TABLE access_report_jobs (
  job_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  target TEXT NOT NULL,
  granularity TEXT,
  policy_id TEXT,
  create_date TEXT NOT NULL,
  completion_date TEXT,
  report TEXT
);
