/** Where an uploaded attachment is served, relative to the site (see attachmentFilesRouter). */
export const attachmentPath = (token: string) => `/media/${token}`;

/** The URL a platform fetches the attachment from: PUBLIC_URL plus the attachment's path. */
export const publicAttachmentUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}${attachmentPath(token)}`;
