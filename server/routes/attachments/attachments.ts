import { randomBytes } from 'node:crypto';
import { type NextFunction, type Request, type Response, Router } from 'express';
import type { Knex } from 'knex';
import multer from 'multer';
import type { AttachmentResponse } from '../../../common/types';
import { getAttachmentByToken, insertAttachment } from '../../db/repositories/attachments';
import { AppError, NotFoundError, ValidationError } from '../../errors';
import { currentUser } from '../../middleware/auth';
import { attachmentPath } from '../../services/attachmentUrl';
import { attachmentTokenSchema, MAX_ATTACHMENT_BYTES, sniffImageType } from './schema';

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 0 },
}).single('file');

function receiveFile(req: Request, res: Response, next: NextFunction) {
  upload(req, res, (error: unknown) => {
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') {
        return next(
          new AppError(
            'file_too_large',
            `Images up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB can be attached`,
            413,
            'file',
          ),
        );
      }
      return next(new ValidationError(`Upload refused: ${error.message}`, 'file'));
    }
    next(error);
  });
}

/** POST /api/attachments: one image (multipart field `file`), kept in PostgreSQL. */
export function attachmentsRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.post('/', receiveFile, async (req, res) => {
    const file = req.file;
    if (!file) throw new ValidationError('No file in field "file"', 'file');
    const contentType = sniffImageType(file.buffer);
    if (!contentType)
      throw new AppError(
        'unsupported_type',
        'Only PNG, JPEG, GIF and WebP images can be attached',
        415,
        'file',
      );
    // 24 random bytes: the URL is public (Facebook fetches it) and must not be guessable.
    const token = randomBytes(24).toString('base64url');
    const row = await insertAttachment(deps.db, {
      token,
      contentType,
      fileName: file.originalname.slice(0, 200),
      data: file.buffer,
      uploadedBy: currentUser(req).id,
    });
    const body: AttachmentResponse = {
      attachment: {
        id: row.id,
        url: attachmentPath(token),
        contentType,
        fileName: row.file_name,
        byteSize: row.byte_size,
      },
    };
    res.status(201).json(body);
  });
  return router;
}

/** GET /media/:token without a session: the platform fetches the image from here. */
export function attachmentFilesRouter(deps: { db: Knex }): Router {
  const router = Router();
  router.get('/:token', async (req, res) => {
    const parsed = attachmentTokenSchema.safeParse(req.params);
    const row = parsed.success ? await getAttachmentByToken(deps.db, parsed.data.token) : undefined;
    if (!row) throw new NotFoundError('Attachment');
    res.setHeader('Content-Type', row.content_type);
    res.setHeader('Content-Length', String(row.data.length));
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Content-Disposition', 'inline');
    // Public on purpose: whoever has the URL (the platform, a customer's browser) may load it.
    res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
    res.end(row.data);
  });
  return router;
}
