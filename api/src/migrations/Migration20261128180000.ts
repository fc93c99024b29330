import { Migration } from '@mikro-orm/migrations';

/**
 * `ledger_post`: one ledger transaction posted in ONE round trip (issue 8, hot-fund payments).
 *
 * Postings of one fund are serial on the fund's row (its hash-chain head), so a fund's throughput is
 * 1 / (time the row is held). Posting from Node took about seven statements under that lock, each a
 * round trip from a busy event loop; this function does all of it inside the database:
 *   1. `update fund set last_seq = last_seq + 1 … returning`: takes the lock and the chain head;
 *   2. refuses a date in a locked period (SQLSTATE SQ001) or after the fund was closed (SQ002);
 *   3. optionally takes the next number of a document series (PC, PT) of the fund and year, UNDER the
 *      fund's lock (order fund → counter) and puts it in front of the description;
 *   4. resolves "spend" lines (a negative amount of a debit account spread over its sub-balances in
 *      the order given, e.g. the project's earmark, then the category's, then the free part) from the
 *      balances read under the lock; short of money: SQ003 with the amount available;
 *   5. upserts the accounts, computes the hash exactly as `transactionHash()` (ledger-hash.ts) does,
 *      inserts the transaction and its entries (whose trigger keeps the balances, refused below zero by
 *      `ledger_account_balance_check`, and the daily totals), and moves the chain head.
 *
 * The hash: SHA-256 (hex) of the UTF-8 bytes of the canonical JSON array
 * `["soquy-ledger-v1",fund,seq,kind,"yyyy-mm-dd",description,source_type,source_id,created_by|null,prev_hash|null,[[account,amount],…]]`
 * with the entries sorted by account id then amount and no spaces. `to_json(text)` escapes as
 * `JSON.stringify` does for any text PostgreSQL can hold (`"`, `\`, \b \f \n \r \t, other controls as
 * lowercase \u00xx, everything else verbatim); test/api/ledger-post.test.ts checks it property by property.
 * No `?` operator in the body: MikroORM passes migration SQL through knex, where `?` is a binding.
 */
export class Migration20261128180000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create function ledger_post(
        p_fund_id int, p_kind text, p_occurred_on date, p_description text, p_source_type text, p_source_id bigint,
        p_created_by_id int, p_lines jsonb, p_doc_type text default null, p_doc_year int default null)
      returns table (transaction_id bigint, seq int, hash text, document_seq int, document_number text)
      language plpgsql as $$
      #variable_conflict use_column
      declare
        v_seq int;
        v_prev text;
        v_name text;
        v_locked date;
        v_closed date;
        v_doc int;
        v_number text;
        v_description text := p_description;
        v_lines jsonb := '[]'::jsonb;
        v_line jsonb;
        v_purpose jsonb;
        v_left bigint;
        v_take bigint;
        v_balance bigint;
        v_accounts int[];
        v_amounts bigint[];
        v_entries text;
        v_canonical text;
        v_hash text;
        v_tx bigint;
      begin
        update fund f set last_seq = f.last_seq + 1 where f.id = p_fund_id
          returning f.last_seq, f.last_hash, f.name, f.locked_until, f.closed_on into v_seq, v_prev, v_name, v_locked, v_closed;
        if not found then
          raise exception 'fund % does not exist', p_fund_id using errcode = 'SQ004';
        end if;
        if v_locked is not null and p_occurred_on <= v_locked then
          raise exception 'the books of % are closed up to %', v_name, to_char(v_locked, 'YYYY-MM-DD') using errcode = 'SQ001',
            detail = json_build_object('name', v_name, 'lockedUntil', to_char(v_locked, 'YYYY-MM-DD'))::text;
        end if;
        if v_closed is not null and p_occurred_on > v_closed then
          raise exception '% was closed on %', v_name, to_char(v_closed, 'YYYY-MM-DD') using errcode = 'SQ002',
            detail = json_build_object('name', v_name, 'closedOn', to_char(v_closed, 'YYYY-MM-DD'))::text;
        end if;

        if p_doc_type is not null then
          insert into document_counter as c (fund_id, doc_type, year, last_number) values (p_fund_id, p_doc_type, p_doc_year, 1)
            on conflict (fund_id, doc_type, year) do update set last_number = c.last_number + 1
            returning c.last_number into v_doc;
          v_number := p_doc_type || '-' || p_doc_year || '-' || case when length(v_doc::text) >= 6 then v_doc::text else lpad(v_doc::text, 6, '0') end;
          v_description := left(v_number || ' ' || p_description, 500);
        end if;

        for v_line in select l from jsonb_array_elements(p_lines) with ordinality as x(l, n) order by n loop
          if jsonb_typeof(v_line->'spend') = 'array' then
            v_left := -(v_line->>'amount')::bigint;
            for v_purpose in select p from jsonb_array_elements(v_line->'spend') with ordinality as y(p, n) order by n loop
              select a.balance into v_balance from ledger_account a
                where a.fund_id = p_fund_id and a.code = (v_line->>'code')::account_code and coalesce(a.purpose, '') = coalesce(v_purpose #>> '{}', '');
              v_take := least(v_left, greatest(coalesce(v_balance, 0), 0));
              if v_take > 0 then
                v_lines := v_lines || jsonb_build_array(jsonb_build_object('code', v_line->'code', 'side', v_line->'side', 'purpose', v_purpose, 'amount', -v_take));
                v_left := v_left - v_take;
              end if;
            end loop;
            if v_left > 0 then
              raise exception '% holds % of the % asked for', v_name, -(v_line->>'amount')::bigint - v_left, -(v_line->>'amount')::bigint using errcode = 'SQ003',
                detail = json_build_object('name', v_name, 'available', -(v_line->>'amount')::bigint - v_left)::text;
            end if;
          else
            v_lines := v_lines || jsonb_build_array(v_line);
          end if;
        end loop;
        if jsonb_array_length(v_lines) < 2 or (select sum((l->>'amount')::bigint) from jsonb_array_elements(v_lines) l) <> 0 then
          raise exception 'unbalanced posting %: %', p_kind, v_lines;
        end if;

        insert into ledger_account (fund_id, code, purpose, normal_side)
          select distinct p_fund_id, (l->>'code')::account_code, l->>'purpose', (l->>'side')::normal_side from jsonb_array_elements(v_lines) l
          on conflict (fund_id, code, (coalesce(purpose, ''))) do nothing;
        select array_agg(a.id order by x.n), array_agg((x.l->>'amount')::bigint order by x.n)
          into v_accounts, v_amounts
          from jsonb_array_elements(v_lines) with ordinality as x(l, n)
          join ledger_account a on a.fund_id = p_fund_id and a.code = (x.l->>'code')::account_code and coalesce(a.purpose, '') = coalesce(x.l->>'purpose', '');
        if coalesce(array_length(v_accounts, 1), 0) <> jsonb_array_length(v_lines) then
          raise exception 'posting % names an account it could not find: %', p_kind, v_lines;
        end if;

        select string_agg('[' || u.account_id || ',' || u.amount || ']', ',' order by u.account_id, u.amount) into v_entries
          from unnest(v_accounts, v_amounts) as u(account_id, amount);
        v_canonical := '["soquy-ledger-v1",' || p_fund_id || ',' || v_seq || ',' || to_json(p_kind)::text || ','
          || to_json(to_char(p_occurred_on, 'YYYY-MM-DD'))::text || ',' || to_json(v_description)::text || ','
          || to_json(p_source_type)::text || ',' || p_source_id || ',' || coalesce(p_created_by_id::text, 'null') || ','
          || coalesce(to_json(v_prev)::text, 'null') || ',[' || v_entries || ']]';
        v_hash := encode(sha256(convert_to(v_canonical, 'UTF8')), 'hex');

        insert into ledger_transaction (fund_id, seq, kind, occurred_on, description, source_type, source_id, created_by_id, prev_hash, hash)
          values (p_fund_id, v_seq, p_kind, p_occurred_on, v_description, p_source_type, p_source_id, p_created_by_id, v_prev, v_hash)
          returning id into v_tx;
        insert into ledger_entry (transaction_id, account_id, amount)
          select v_tx, u.account_id, u.amount from unnest(v_accounts, v_amounts) with ordinality as u(account_id, amount, n) order by u.n;
        update fund f set last_hash = v_hash where f.id = p_fund_id;

        transaction_id := v_tx;
        seq := v_seq;
        hash := v_hash;
        document_seq := v_doc;
        document_number := v_number;
        return next;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists ledger_post(int, text, date, text, text, bigint, int, jsonb, text, int);`);
  }

}
