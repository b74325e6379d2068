-- Keeps member_search's small columns in the row itself. 0003 set toast_tuple_target = 256 so that
-- `doc` always goes to TOAST, but with a target that low PostgreSQL also moved every other
-- compressible column over 24 bytes out of line: graduation years, current company, the trigram
-- keys. Each hit a search filtered on graduation years (or a facet over the best 1,000) then cost
-- two or three TOAST lookups: 181 ms instead of 38 ms for 16,025 hits at a million members.
--
-- Now the small columns are MAIN (compressed in place only if a row is still too large, out of line
-- only past a whole page) and the target is 1,024 bytes: any `doc` longer than a few hundred bytes
-- still goes to TOAST, and the rest of a row fits without further work.
ALTER TABLE member_search SET (toast_tuple_target = 1024);
ALTER TABLE member_search
  ALTER COLUMN current_company SET STORAGE MAIN,
  ALTER COLUMN city SET STORAGE MAIN,
  ALTER COLUMN region SET STORAGE MAIN,
  ALTER COLUMN country SET STORAGE MAIN,
  ALTER COLUMN seniority SET STORAGE MAIN,
  ALTER COLUMN graduation_years SET STORAGE MAIN,
  ALTER COLUMN name_key SET STORAGE MAIN,
  ALTER COLUMN title_key SET STORAGE MAIN,
  ALTER COLUMN company_key SET STORAGE MAIN;

-- Rows written before this migration keep their out-of-line values until rewritten: rewrite them
-- now (CLUSTER re-toasts every row under the new settings and rebuilds the indexes; it locks the
-- table meanwhile: 18 s for 100,000 members on the machine of docs/benchmarks.md).
CLUSTER member_search USING member_search_pkey;
