import type { Knex } from 'knex';

export interface AttachmentRow {
  id: string;
  token: string;
  content_type: string;
  file_name: string;
  byte_size: number;
  uploaded_by: string | null;
  created_at: Date;
}

const META = ['id', 'token', 'content_type', 'file_name', 'byte_size', 'uploaded_by', 'created_at'];

export async function insertAttachment(
  db: Knex,
  a: { token: string; contentType: string; fileName: string; data: Buffer; uploadedBy: string },
): Promise<AttachmentRow> {
  const [row] = await db('attachments')
    .insert({
      token: a.token,
      content_type: a.contentType,
      file_name: a.fileName,
      byte_size: a.data.length,
      data: a.data,
      uploaded_by: a.uploadedBy,
    })
    .returning(META);
  return row as AttachmentRow;
}

export async function getAttachment(db: Knex, id: string): Promise<AttachmentRow | undefined> {
  return db('attachments').where({ id }).first(META);
}

/** One attachment's bytes and type (X uploads the image itself). */
export async function getAttachmentData(
  db: Knex,
  id: string,
): Promise<{ content_type: string; data: Buffer } | undefined> {
  return db('attachments').where({ id }).first(['content_type', 'data']);
}

/** The file behind a public URL, bytes included. */
export async function getAttachmentByToken(
  db: Knex,
  token: string,
): Promise<(AttachmentRow & { data: Buffer }) | undefined> {
  return db('attachments')
    .where({ token })
    .first([...META, 'data']);
}
