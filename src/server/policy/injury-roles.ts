import { sql, type SQL } from 'drizzle-orm';
import { injuries } from '#server/db/schema/index.ts';
import type { SpaceMemberActor } from './actor';

/**
 * My roles ('hurt', 'involved') in the injuries of my space, as a JSON array for a select list:
 * the role I named for myself, or the other one in an injury my partner named and I confirmed,
 * counted only from when I joined the space. (The program map reads the same rule.)
 */
export function myInjuryRolesSql(actor: SpaceMemberActor): SQL {
  const me = actor.userId;
  const joined = actor.space.joinedAt.toISOString();
  return sql`coalesce((select json_agg(distinct case when i.proposed_by = ${me} then i.proposer_role
        when i.proposer_role = 'hurt' then 'involved' else 'hurt' end)
      from ${injuries} i where i.space_id = ${actor.space.id} and i.archived_at is null
      and ((i.proposed_by = ${me} and i.proposed_at >= ${joined}::timestamptz)
        or (i.confirmed_by = ${me} and i.confirmed_at >= ${joined}::timestamptz))), '[]'::json)`;
}
