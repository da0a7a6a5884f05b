-- The inbox benchmark's conversations: the sweep's bulk seed (../sweep/seed.sql) spread the way a
-- year of a busy tenant looks. :open conversations, one every 31 s until a day ago (a million span a
-- year), among :customers customers. Those of the last two weeks are mostly still active (80 %),
-- older ones rarely (2 %); the rest are closed. Active ones: 55 % OPEN, 25 % WAITING_ON_CUSTOMER,
-- 12 % ON_HOLD, 8 % WAITING_ON_VENDOR; 15 % unassigned, the others (and every closed one) spread over
-- the tenant's agents. Priority: 5 % URGENT, 15 % HIGH, 70 % NORMAL, 10 % LOW; 10 % our clients.
-- An active conversation's next SLA check is due between one hour and two days from now, so the
-- sweeper has nothing to do while the benchmark measures. The spread is fixed (hashes of the row
-- number): every run has the same rows.
-- Variables: tenant (id), open (count), customers (count).
\set ON_ERROR_STOP on

SELECT array_agg(id ORDER BY id)::text AS agent_ids, count(*) AS agent_count
FROM agent WHERE tenant_id = :tenant \gset

SELECT format('now() - interval ''1 day'' - %s * interval ''31 seconds''', :open) AS start,
       'interval ''31 seconds''' AS spacing,
       '(at > now() - interval ''14 days'' AND die < 800 OR die < 20)' AS active \gset

SELECT format($$(CASE WHEN NOT %1$s THEN 'CLOSED'
                     WHEN abs(hashint4(g + 1)::bigint) %% 100 < 55 THEN 'OPEN'
                     WHEN abs(hashint4(g + 1)::bigint) %% 100 < 80 THEN 'WAITING_ON_CUSTOMER'
                     WHEN abs(hashint4(g + 1)::bigint) %% 100 < 92 THEN 'ON_HOLD'
                     ELSE 'WAITING_ON_VENDOR' END)$$, :'active') AS status_sql,
       format($$(CASE WHEN %1$s AND abs(hashint4(g + 2)::bigint) %% 100 < 15 THEN NULL
                     ELSE (%2$L::bigint[])[1 + abs(hashint4(g + 3)::bigint) %% %3$s] END)$$,
              :'active', :'agent_ids', :agent_count) AS assignee_sql,
       $$(CASE WHEN abs(hashint4(g + 4)::bigint) % 100 < 5 THEN 4
               WHEN abs(hashint4(g + 4)::bigint) % 100 < 20 THEN 3
               WHEN abs(hashint4(g + 4)::bigint) % 100 < 90 THEN 2 ELSE 1 END)$$ AS priority_sql,
       $$(abs(hashint4(g + 5)::bigint) % 100 < 10)$$ AS our_client_sql,
       format($$(CASE WHEN %1$s THEN now() + interval '1 minute' * (60 + abs(hashint4(g + 6)::bigint) %% 2880) END)$$,
              :'active') AS next_check_sql,
       format($$(CASE WHEN NOT %1$s THEN least(now(), at + interval '1 minute' * (10 + abs(hashint4(g + 7)::bigint) %% 2880)) END)$$,
              :'active') AS closed_at_sql \gset

\ir ../sweep/seed.sql
