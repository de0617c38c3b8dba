import { secretRef } from '../../lib/secrets';

/** kafka2ftp's FTP account, created by hand for an FTP server of one's own (optional: anonymous without it). */
export const KAFKA2FTP_SECRET = secretRef('kafka2ftp-secret', ['user', 'password']);
