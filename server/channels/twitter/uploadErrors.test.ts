import type { ClientRequest, IncomingMessage } from 'node:http';
import { ApiResponseError } from 'twitter-api-v2';
import { ChannelAuthError, ChannelRejectedError, ChannelUnavailableError } from '../errors';
import { toUploadError } from './errors';

/** How a failed media upload is classified: retried (upload afresh), refused for good, or re-authorise. */
function xError(code: number, data: object) {
  return new ApiResponseError(`Request failed with code ${code}`, {
    code,
    request: {} as ClientRequest,
    response: {} as IncomingMessage,
    headers: {},
    data: data as never,
  });
}

describe('toUploadError', () => {
  it('retries a lost upload id (404): nothing was posted, a new upload fixes it', () => {
    const error = toUploadError(
      xError(404, { title: 'Not Found Error', status: 404, detail: 'Could not find media with id: [1].' }),
    );
    expect(error).toBeInstanceOf(ChannelUnavailableError);
    expect((error as Error).message).toMatch(/Could not find media/);
  });

  it('refuses a bad image for good and says a 403 may be a missing media.write scope', () => {
    const invalid = toUploadError(
      xError(400, {
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        errors: [{ parameters: {}, message: '$.total_bytes: too large' }],
      }),
    );
    expect(invalid).toMatchObject({ constructor: ChannelRejectedError, reason: 'invalid' });
    expect((invalid as Error).message).toMatch(/^X refused the image: .*total_bytes: too large/);
    const forbidden = toUploadError(
      xError(403, { title: 'Unsupported Authentication', status: 403, detail: 'app-only' }),
    );
    expect(forbidden).toMatchObject({ constructor: ChannelRejectedError, reason: 'forbidden' });
    expect((forbidden as Error).message).toMatch(/media\.write/);
  });

  it('keeps auth errors, and treats failed processing as refused and anything else as unknown', () => {
    expect(toUploadError(xError(401, { title: 'Unauthorized', status: 401 }))).toBeInstanceOf(
      ChannelAuthError,
    );
    expect(toUploadError(new Error('Media processing failed: InvalidMedia'))).toMatchObject({
      constructor: ChannelRejectedError,
      reason: 'invalid',
    });
    expect(toUploadError(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBeInstanceOf(
      ChannelUnavailableError,
    );
  });
});
