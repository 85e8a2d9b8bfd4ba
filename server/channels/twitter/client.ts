import http from 'node:http';
import https from 'node:https';
import { type ITwitterApiClientPlugin, TwitterApi } from 'twitter-api-v2';
import type { XCredentials } from '../../env';

const X_ORIGIN = 'https://api.x.com';

/**
 * twitter-api-v2 has no base-URL setting (hosts are constants). To run the same code against the
 * simulator we rewrite the URL before each request is built, and pass an http.Agent because the
 * library always calls `https.request` otherwise. See shared/reference/channel-apis.md §1.
 */
function rewritePlugin(origin: string): ITwitterApiClientPlugin {
  // The library builds its request from `params.url` as a string.
  const rewrite = (params: { url: string }) => {
    if (params.url.startsWith(X_ORIGIN)) params.url = origin + params.url.slice(X_ORIGIN.length);
  };
  return {
    onBeforeRequestConfig: ({ params }) => rewrite(params),
    onBeforeStreamRequestConfig: ({ params }) => rewrite(params),
  };
}

/**
 * A timeout on every request that does not set its own: `v2.uploadMedia` takes no request options,
 * and an upload must not hang an outbound job.
 */
function defaultTimeoutPlugin(timeoutMs: number): ITwitterApiClientPlugin {
  return {
    onBeforeRequestConfig: ({ params }) => {
      if (params.timeout === undefined) params.timeout = timeoutMs;
    },
  };
}

/** Builds a client for one account; the base URL is https://api.x.com in production. */
export function createXClient(
  credentials: XCredentials,
  baseUrl: string,
  requestTimeoutMs = 15_000,
): TwitterApi {
  const origin = new URL(baseUrl).origin;
  const plugins = [
    defaultTimeoutPlugin(requestTimeoutMs),
    ...(origin === X_ORIGIN ? [] : [rewritePlugin(origin)]),
  ];
  const httpAgent = origin.startsWith('http:')
    ? new http.Agent({ keepAlive: true })
    : new https.Agent({ keepAlive: true });
  const settings = { plugins, httpAgent };
  if (credentials.kind === 'oauth2') return new TwitterApi(credentials.accessToken, settings);
  return new TwitterApi(
    {
      appKey: credentials.appKey,
      appSecret: credentials.appSecret,
      accessToken: credentials.accessToken,
      accessSecret: credentials.accessSecret,
    },
    settings,
  );
}
