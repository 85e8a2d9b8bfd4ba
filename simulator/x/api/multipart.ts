/**
 * A minimal multipart/form-data reader for the append endpoint. twitter-api-v2 sends the `media` part
 * without a file name, which multer/busboy would read as a text field and so corrupt binary chunks.
 * Returns each part's raw bytes by field name (the last part wins for a repeated name).
 */
export function parseMultipart(body: Buffer, boundary: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const afterDelimiter = start + delimiter.length;
    // `--boundary--` closes the body.
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', afterDelimiter);
    if (headerEnd === -1) break;
    const next = body.indexOf(Buffer.from(`\r\n--${boundary}`), headerEnd + 4);
    if (next === -1) break;
    const headers = body.subarray(afterDelimiter, headerEnd).toString('latin1');
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name !== undefined) parts.set(name, Buffer.from(body.subarray(headerEnd + 4, next)));
    start = next + 2;
  }
  return parts;
}
