import { generatedSecret, secretRef } from '../../lib/secrets';

/** auth's PostgreSQL user. */
export const AUTH_SECRET = secretRef('auth-secret', ['user', 'password']);
/** The same Secret's keys when auth's e-mail is on: the SMTP host, account and password, set by hand. */
export const AUTH_EMAIL_SECRET = secretRef('auth-secret', ['email_host', 'email_user', 'email_passwd']);

/** Where `npm run secrets` reads the SMTP settings of auth's e-mail from (never generated). */
export const AUTH_EMAIL_ENV = { email_host: 'AUTH_EMAIL_HOST', email_user: 'AUTH_EMAIL_USER', email_passwd: 'AUTH_EMAIL_PASSWD' } as const;

export const authSecrets = [
  generatedSecret(AUTH_SECRET, ({ profile, password, environment }) => {
    const user = { user: profile.postgres.authUser, password: password() };
    if (!profile.auth.emailEnabled) return user;
    const missing = Object.values(AUTH_EMAIL_ENV).filter((v) => !environment(v));
    if (missing.length) throw new Error(`auth.emailEnabled is on: set ${missing.join(', ')} (the SMTP host, account and password)`);
    return { ...user, ...Object.fromEntries(Object.entries(AUTH_EMAIL_ENV).map(([key, v]) => [key, environment(v) as string])) };
  }),
];
