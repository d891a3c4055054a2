import type { XStatement } from '../../engine/xapi';
import type { LrsSettings } from './lrs-settings';

/** What a failed request says: the LRS's status and answer, or the browser's reason (offline, CSP, CORS). */
export function failureText(e: unknown): string {
  const r = (e as { response?: { status?: number; statusText?: string; data?: unknown } }).response;
  if (r?.status) {
    const body = typeof r.data === 'string' ? r.data : JSON.stringify(r.data ?? '');
    return `${r.status}${r.statusText ? ` ${r.statusText}` : ''}${body ? `: ${body.slice(0, 300)}` : ''}`;
  }
  return e instanceof Error ? e.message : String(e);
}

/** Posts statements to the LRS with @xapi/xapi (loaded on first use); rejects with the LRS's answer. */
export async function postStatements(
  settings: LrsSettings,
  statements: readonly XStatement[],
): Promise<void> {
  const { default: XAPI } = await import('@xapi/xapi');
  const xapi = new XAPI({
    endpoint: settings.endpoint,
    auth: XAPI.toBasicAuth(settings.username, settings.secret),
  });
  try {
    await xapi.sendStatements({ statements: statements as never });
  } catch (e) {
    throw new Error(failureText(e));
  }
}
