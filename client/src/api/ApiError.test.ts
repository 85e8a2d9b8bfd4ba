import { ApiError, apiErrorFromResponse } from './ApiError';

describe('apiErrorFromResponse', () => {
  it('keeps code, message and field from the documented error body', () => {
    const error = apiErrorFromResponse(422, 'Unprocessable Entity', {
      error: { code: 'too_long', message: 'The reply is longer than 280 characters.', field: 'text' },
    });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('too_long');
    expect(error.message).toBe('The reply is longer than 280 characters.');
    expect(error.field).toBe('text');
    expect(error.outcomeUnknown).toBe(false);
  });

  it('still produces a usable error when a proxy answers with something else', () => {
    const error = apiErrorFromResponse(502, 'Bad Gateway', undefined);
    expect(error.code).toBe('http_502');
    expect(error.message).toBe('Bad Gateway');
    expect(error.outcomeUnknown).toBe(true);
  });
});

describe('ApiError', () => {
  it('marks status 0 as a network error whose outcome is unknown', () => {
    const error = new ApiError(0, 'network_error', 'Failed to fetch');
    expect(error.isNetworkError).toBe(true);
    expect(error.outcomeUnknown).toBe(true);
  });
});
