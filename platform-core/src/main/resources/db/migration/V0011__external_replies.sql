-- A public reply written outside Deskbridge (an amoCRM manager answering in amoCRM's chat inbox):
-- who wrote it, and which module brought it in, so that module never sends it back out.
ALTER TABLE message ADD COLUMN author_name VARCHAR(200);
ALTER TABLE message ADD COLUMN origin VARCHAR(40);
