import type { Knex } from 'knex';
import type { RoutingRuleDto, RoutingRuleInput } from '../../../common/routing';
import type { Priority } from '../../../common/types';

interface RoutingRuleRow {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  conditions: RoutingRuleDto['conditions'];
  actions: RoutingRuleDto['actions'];
}

const toDto = (r: RoutingRuleRow): RoutingRuleDto => ({
  id: r.id,
  position: r.position,
  name: r.name,
  enabled: r.enabled,
  conditions: r.conditions ?? {},
  actions: r.actions ?? {},
});

/** Every rule in the order it is applied. */
export async function listRoutingRules(db: Knex | Knex.Transaction): Promise<RoutingRuleDto[]> {
  const rows = await db('routing_rules').orderBy([{ column: 'position' }, { column: 'created_at' }]);
  return rows.map(toDto);
}

export async function getRoutingRule(db: Knex, id: string): Promise<RoutingRuleDto | undefined> {
  const row = await db('routing_rules').where({ id }).first();
  return row ? toDto(row) : undefined;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Appends a rule at the end; undefined when the name is taken. */
export async function insertRoutingRule(
  db: Knex,
  input: RoutingRuleInput,
): Promise<RoutingRuleDto | undefined> {
  try {
    const [row] = await db('routing_rules')
      .insert({
        name: input.name,
        enabled: input.enabled,
        conditions: JSON.stringify(input.conditions),
        actions: JSON.stringify(input.actions),
        position: db.raw('(select coalesce(max(position), 0) + 1 from routing_rules)'),
      })
      .returning('*');
    return toDto(row);
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** Changes a rule; 'missing' or 'duplicate' when it cannot. */
export async function updateRoutingRule(
  db: Knex,
  id: string,
  patch: Partial<RoutingRuleInput>,
): Promise<RoutingRuleDto | 'missing' | 'duplicate'> {
  const values: Record<string, unknown> = { updated_at: db.fn.now() };
  if (patch.name !== undefined) values.name = patch.name;
  if (patch.enabled !== undefined) values.enabled = patch.enabled;
  if (patch.conditions !== undefined) values.conditions = JSON.stringify(patch.conditions);
  if (patch.actions !== undefined) values.actions = JSON.stringify(patch.actions);
  try {
    const [row] = await db('routing_rules').where({ id }).update(values).returning('*');
    return row ? toDto(row) : 'missing';
  } catch (error) {
    if (isUniqueViolation(error)) return 'duplicate';
    throw error;
  }
}

export async function deleteRoutingRule(db: Knex, id: string): Promise<boolean> {
  return (await db('routing_rules').where({ id }).delete()) > 0;
}

/** Sets the order to exactly the given ids (all of them, once each); false when they do not match. */
export async function reorderRoutingRules(db: Knex, ids: string[]): Promise<boolean> {
  return db.transaction(async (trx) => {
    const existing = await trx('routing_rules').forUpdate().select<{ id: string }[]>('id');
    const known = new Set(existing.map((r) => r.id));
    if (known.size !== ids.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id)))
      return false;
    for (const [index, id] of ids.entries()) {
      await trx('routing_rules')
        .where({ id })
        .update({ position: index + 1, updated_at: trx.fn.now() });
    }
    return true;
  });
}

/** What routing looks at for one conversation: first inbound message, customer, account. */
export interface RoutingSubjectRow {
  id: string;
  channel_account_id: string;
  language: string | null;
  tags: string[];
  team_id: string | null;
  priority: Priority;
  snippet: string | null;
  created_at: Date;
  author_name: string | null;
  followers_count: number | null;
  verified: boolean;
  first_text: string | null;
}

function subjectQuery(db: Knex | Knex.Transaction) {
  return db('conversations as c')
    .join('contacts as ct', 'ct.id', 'c.contact_id')
    .select(
      'c.id',
      'c.channel_account_id',
      'c.language',
      'c.tags',
      'c.team_id',
      'c.priority',
      'c.snippet',
      'c.created_at',
      'ct.name as author_name',
      'ct.followers_count',
      'ct.verified',
      db.raw(
        `(select m.text from messages m where m.conversation_id = c.id and m.direction = 'inbound'
          order by m.created_at, m.id limit 1) as first_text`,
      ),
    );
}

export async function getRoutingSubject(
  trx: Knex.Transaction,
  conversationId: string,
): Promise<RoutingSubjectRow | undefined> {
  return subjectQuery(trx).where('c.id', conversationId).first();
}

/** The newest conversations, for a dry run. */
export async function listRecentRoutingSubjects(db: Knex, limit: number): Promise<RoutingSubjectRow[]> {
  return subjectQuery(db)
    .orderBy([
      { column: 'c.created_at', order: 'desc' },
      { column: 'c.id', order: 'desc' },
    ])
    .limit(limit);
}
