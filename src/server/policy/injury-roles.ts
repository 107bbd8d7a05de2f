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

/** One injury of my space with my role in it (null when I have not named or confirmed one). */
export interface SpaceInjury {
  id: string;
  kind: string;
  cameToLight: string;
  archived: boolean;
  myRole: 'hurt' | 'involved' | null;
}

/**
 * Every injury of my space (archived ones too, marked) with my role by the same rule as
 * `myInjuryRolesSql`, as a JSON array for a select list, oldest first. For features that act on
 * one injury (the apology is the involved partner's) without reading the injuries table.
 */
export function spaceInjuriesSql(actor: SpaceMemberActor): SQL {
  const me = actor.userId;
  const joined = actor.space.joinedAt.toISOString();
  return sql`coalesce((select json_agg(json_build_object('id', i.id, 'kind', i.kind,
        'cameToLight', i.came_to_light, 'archived', i.archived_at is not null,
        'myRole', case
          when i.proposed_by = ${me} and i.proposed_at >= ${joined}::timestamptz then i.proposer_role
          when i.confirmed_by = ${me} and i.confirmed_at >= ${joined}::timestamptz then
            case when i.proposer_role = 'hurt' then 'involved' else 'hurt' end
          end) order by i.created_at, i.id)
      from ${injuries} i where i.space_id = ${actor.space.id}), '[]'::json)`;
}
