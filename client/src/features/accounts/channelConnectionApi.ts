import { apiRequest } from '../../api/http';

export interface ConnectedAccount {
  id: string;
  platform: 'x' | 'facebook';
  handle: string;
}

export interface XKeys {
  appKey: string;
  appSecret: string;
  accessToken: string;
  accessSecret: string;
}

/** Starts X's OAuth 2.0 flow; the browser then goes to `authorizeUrl`. */
export function startXOAuth(): Promise<{ authorizeUrl: string }> {
  return apiRequest('POST', '/api/channel-accounts/x/oauth/start', {});
}

export function reauthoriseAccount(id: string): Promise<{ authorizeUrl: string }> {
  return apiRequest('POST', `/api/channel-accounts/${encodeURIComponent(id)}/reauthorise`, {});
}

export function connectXWithKeys(keys: XKeys): Promise<{ item: ConnectedAccount }> {
  return apiRequest('POST', '/api/channel-accounts/x/keys', keys);
}

export function connectFacebookPage(body: {
  userToken: string;
  pageId?: string;
}): Promise<{ item: ConnectedAccount }> {
  return apiRequest('POST', '/api/channel-accounts/facebook', body);
}

export function disconnectAccount(id: string): Promise<void> {
  return apiRequest('DELETE', `/api/channel-accounts/${encodeURIComponent(id)}`);
}
