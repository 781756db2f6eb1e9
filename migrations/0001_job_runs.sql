CREATE TABLE `job_runs` (
	`key` text PRIMARY KEY NOT NULL,
	`ran_at` integer NOT NULL
);
