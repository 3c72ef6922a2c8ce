import { randomBytes, randomInt } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { KeyPair } from './server/sigv4-verify';

/** The profile name written to the credentials file (also written as `default`). */
export const PROFILE = 'local-codedeploy';
const KEY_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A fresh key pair in AWS's shapes: a 20-character AKIA… id and a 40-character secret. */
export function generateKeyPair(): KeyPair {
  let accessKeyId = 'AKIA';
  while (accessKeyId.length < 20) accessKeyId += KEY_ID_ALPHABET[randomInt(KEY_ID_ALPHABET.length)];
  const secretAccessKey = randomBytes(30).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
  return { accessKeyId, secretAccessKey };
}

/** Writes an AWS shared-credentials file readable only by the user (profiles `default` and `local-codedeploy`). */
export function writeCredentialsFile(file: string, keys: KeyPair): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const section = (name: string) => `[${name}]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`;
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${section('default')}\n${section(PROFILE)}`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
