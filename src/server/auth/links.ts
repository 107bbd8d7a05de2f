import type { Config } from '#server/config/index.ts';

/**
 * The links in account emails. One-time tokens go after `#`: a browser never sends the fragment
 * to a server, so it cannot reach an access log, a proxy log or a Referer header.
 */
export function accountLinks(config: Pick<Config, 'publicUrl'>) {
  const at = (path: string) => new URL(path, config.publicUrl).toString();
  return {
    signIn: at('/signin'),
    forgot: at('/account/forgot'),
    verify: (token: string) => `${at('/account/verify')}#${token}`,
    reset: (token: string) => `${at('/account/reset')}#${token}`,
    confirmEmail: (token: string) => `${at('/account/email-confirm')}#${token}`,
  };
}
