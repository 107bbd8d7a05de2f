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

/**
 * A condition: `injuryId` names an injury of my space (not archived) in which I hold `role`, by
 * the same rule as `myInjuryRolesSql`: the role I named for myself, or the other role of an
 * injury my partner named and I confirmed, counted from when I joined. Features that act on
 * "the hurt partner of this injury" (the question queue) ask here instead of reading injuries.
 * With `confirmed`, only an injury both partners have confirmed (the roles are agreed).
 */
export function holdsInjuryRole(
  actor: SpaceMemberActor,
  injuryId: SQL,
  role: 'hurt' | 'involved',
  options: { confirmed?: boolean } = {},
): SQL {
  const me = actor.userId;
  const joined = actor.space.joinedAt.toISOString();
  const confirmed = options.confirmed ? sql`and i.confirmed_by is not null` : sql``;
  return sql`exists (select 1 from ${injuries} i where i.id = ${injuryId}
      and i.space_id = ${actor.space.id} and i.archived_at is null ${confirmed}
      and ((i.proposed_by = ${me} and i.proposer_role = ${role}
          and i.proposed_at >= ${joined}::timestamptz)
        or (i.confirmed_by = ${me} and i.proposer_role <> ${role}
          and i.confirmed_at >= ${joined}::timestamptz)))`;
}

/**
 * The injuries of my space I hold a role in, as a JSON array of `{ id, kind, cameToLight, role }`
 * (oldest first), for a select list. Same rule as above.
 */
export function myInjuriesWithRolesSql(actor: SpaceMemberActor): SQL {
  const me = actor.userId;
  const joined = actor.space.joinedAt.toISOString();
  return sql`coalesce((select json_agg(json_build_object('id', r.id, 'kind', r.kind,
        'cameToLight', to_char(r.came_to_light, 'YYYY-MM'), 'role', r.role) order by r.created_at, r.id)
      from (select i.id, i.kind, i.came_to_light, i.created_at,
          case when i.proposed_by = ${me} then i.proposer_role
            when i.proposer_role = 'hurt' then 'involved' else 'hurt' end as role
        from ${injuries} i where i.space_id = ${actor.space.id} and i.archived_at is null
          and ((i.proposed_by = ${me} and i.proposed_at >= ${joined}::timestamptz)
            or (i.confirmed_by = ${me} and i.confirmed_at >= ${joined}::timestamptz))) r), '[]'::json)`;
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
