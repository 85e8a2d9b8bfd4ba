import type { Knex } from 'knex';
import type { CannedResponseDto } from '../../../common/types';

interface CannedResponseRow {
  id: string;
  shortcut: string;
  title: string;
  body: string;
  language: string;
  team_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface CannedResponseFields {
  shortcut: string;
  title: string;
  body: string;
  language: string;
  teamId: string | null;
}

const toDto = (r: CannedResponseRow): CannedResponseDto => ({
  id: r.id,
  shortcut: r.shortcut,
  title: r.title,
  body: r.body,
  language: r.language,
  teamId: r.team_id,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

const columns = (f: Partial<CannedResponseFields>) => ({
  ...(f.shortcut !== undefined ? { shortcut: f.shortcut } : {}),
  ...(f.title !== undefined ? { title: f.title } : {}),
  ...(f.body !== undefined ? { body: f.body } : {}),
  ...(f.language !== undefined ? { language: f.language } : {}),
  ...(f.teamId !== undefined ? { team_id: f.teamId } : {}),
});

/** PostgreSQL's unique_violation: the shortcut is taken. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/**
 * Canned responses, shortcut first; `q` matches shortcut, title or body (case-insensitive). Shortcuts
 * starting with `q` come first, so ";ref" puts "refund" at the top.
 */
export async function listCannedResponses(db: Knex, q?: string): Promise<CannedResponseDto[]> {
  const query = db<CannedResponseRow>('canned_responses');
  const term = q?.trim() ?? '';
  if (term !== '') {
    const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query
      .where((w) => w.whereILike('shortcut', like).orWhereILike('title', like).orWhereILike('body', like))
      .orderByRaw('(shortcut like ?) desc', [`${term.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`]);
  }
  const rows = await query.orderBy('shortcut').limit(200);
  return rows.map(toDto);
}

export async function getCannedResponse(db: Knex, id: string): Promise<CannedResponseDto | undefined> {
  const row = await db<CannedResponseRow>('canned_responses').where({ id }).first();
  return row ? toDto(row) : undefined;
}

export async function insertCannedResponse(
  db: Knex,
  fields: CannedResponseFields,
  createdBy: string | null,
): Promise<CannedResponseDto> {
  const [row] = await db('canned_responses')
    .insert({ ...columns(fields), created_by: createdBy })
    .returning('*');
  return toDto(row as CannedResponseRow);
}

export async function updateCannedResponse(
  db: Knex,
  id: string,
  fields: Partial<CannedResponseFields>,
): Promise<CannedResponseDto | undefined> {
  const [row] = await db('canned_responses')
    .where({ id })
    .update({ ...columns(fields), updated_at: db.fn.now() })
    .returning('*');
  return row ? toDto(row as CannedResponseRow) : undefined;
}

export async function deleteCannedResponse(db: Knex, id: string): Promise<boolean> {
  return (await db('canned_responses').where({ id }).delete()) > 0;
}

/** Demo mode: insert these unless their shortcut exists (an edited demo response is kept). */
export async function seedCannedResponses(db: Knex, items: CannedResponseFields[]): Promise<void> {
  for (const item of items) {
    await db('canned_responses').insert(columns(item)).onConflict(db.raw('(shortcut)')).ignore();
  }
}
