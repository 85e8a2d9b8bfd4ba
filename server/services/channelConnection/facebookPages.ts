import { createHmac } from 'node:crypto';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { ChannelEndpoints } from '../../channels/registry';
import { ConflictError, ValidationError } from '../../errors';
import { connectFacebookPage } from '../../runtime/accounts';
import type { SecretBox } from '../../security/secretBox';

const accountsSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      access_token: z.string().optional(),
      tasks: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * Connects a Facebook page from a user access token: `GET /me/accounts` lists the pages the user
 * manages with their page access tokens (reference §10: from a long-lived user token the page token
 * does not expire). The user token is used once and never stored.
 */
export async function connectFacebookPageFromUserToken(
  deps: { db: Knex; secretBox: SecretBox; endpoints: ChannelEndpoints },
  input: { userToken: string; pageId?: string | undefined },
) {
  const base = deps.endpoints.fbGraphBaseUrl ?? 'https://graph.facebook.com';
  const version = deps.endpoints.fbGraphVersion ?? 'v25.0';
  const url = new URL(`${base}/${version}/me/accounts`);
  url.searchParams.set('fields', 'id,name,access_token,tasks');
  if (deps.endpoints.fbAppSecret) {
    const proof = createHmac('sha256', deps.endpoints.fbAppSecret).update(input.userToken).digest('hex');
    url.searchParams.set('appsecret_proof', proof);
  }
  const res = await fetch(url, {
    headers: { authorization: `Bearer ${input.userToken}` },
    signal: AbortSignal.timeout(deps.endpoints.requestTimeoutMs ?? 15_000),
  });
  if (!res.ok) {
    throw new ValidationError(`Facebook did not accept the user token (HTTP ${res.status})`, 'userToken');
  }
  const pages = accountsSchema.parse(await res.json()).data.filter((p) => p.access_token);
  const page = input.pageId
    ? pages.find((p) => p.id === input.pageId)
    : pages.length === 1
      ? pages[0]
      : undefined;
  if (!page?.access_token) {
    const names = pages.map((p) => `${p.name} (${p.id})`).join(', ') || 'none';
    throw new ConflictError(
      input.pageId ? 'page_not_managed' : 'choose_page',
      input.pageId
        ? `This user does not manage page ${input.pageId}; pages: ${names}`
        : `Choose a page (pageId): ${names}`,
    );
  }
  return connectFacebookPage(deps, page.access_token);
}
