import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { and, asc, eq } from 'drizzle-orm';
import type { Config } from '#server/config/index.ts';
import type { Database } from '#server/db/index.ts';
import { passkeys } from '#server/db/schema/index.ts';

/**
 * Passkeys as a second step (WebAuthn, @simplewebauthn/server). The relying party is our public
 * address: its host is the RP ID, its origin the only origin accepted. Only public keys are kept.
 */
const RP_NAME = 'Healing Hearts';
const CEREMONY_TIMEOUT_MS = 120_000;

function relyingParty(config: Pick<Config, 'publicUrl'>) {
  return { rpID: config.publicUrl.hostname, origin: config.publicUrl.origin };
}

export interface PasskeySummary {
  id: string;
  label: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export async function listPasskeys(db: Database, userId: string): Promise<PasskeySummary[]> {
  return db
    .select({
      id: passkeys.id,
      label: passkeys.label,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    })
    .from(passkeys)
    .where(eq(passkeys.userId, userId))
    .orderBy(asc(passkeys.createdAt));
}

async function credentialsOf(db: Database, userId: string) {
  return db
    .select({ id: passkeys.credentialId, transports: passkeys.transports })
    .from(passkeys)
    .where(eq(passkeys.userId, userId));
}

/** Options for the browser to make a new passkey; the caller keeps `challenge` for the answer. */
export async function passkeyRegistrationOptions(
  db: Database,
  config: Config,
  user: { userId: string; email: string; displayName: string },
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await credentialsOf(db, user.userId);
  return generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: relyingParty(config).rpID,
    userName: user.email,
    userDisplayName: user.displayName,
    userID: new TextEncoder().encode(user.userId),
    attestationType: 'none',
    timeout: CEREMONY_TIMEOUT_MS,
    excludeCredentials: existing.map((c) => ({
      id: c.id,
      transports: c.transports,
    })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
}

/** Checks the browser's new passkey against the challenge and stores its public key. */
export async function registerPasskey(
  db: Database,
  config: Config,
  userId: string,
  response: RegistrationResponseJSON,
  expectedChallenge: string,
  label: string,
): Promise<PasskeySummary | null> {
  const { rpID, origin } = relyingParty(config);
  const result = await verifyRegistrationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!result?.verified) return null;
  const { credential } = result.registrationInfo;
  const [row] = await db
    .insert(passkeys)
    .values({
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      signCount: credential.counter,
      transports: credential.transports ?? [],
      label,
    })
    .onConflictDoNothing()
    .returning({
      id: passkeys.id,
      label: passkeys.label,
      createdAt: passkeys.createdAt,
      lastUsedAt: passkeys.lastUsedAt,
    });
  return row ?? null;
}

/** Options asking the browser to sign with one of this person's passkeys. */
export async function passkeyAuthenticationOptions(
  db: Database,
  config: Config,
  userId: string,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const existing = await credentialsOf(db, userId);
  return generateAuthenticationOptions({
    rpID: relyingParty(config).rpID,
    timeout: CEREMONY_TIMEOUT_MS,
    userVerification: 'preferred',
    allowCredentials: existing.map((c) => ({
      id: c.id,
      transports: c.transports,
    })),
  });
}

/** True when the answer was signed by one of this person's passkeys for this challenge. */
export async function checkPasskeyAnswer(
  db: Database,
  config: Config,
  userId: string,
  response: AuthenticationResponseJSON,
  expectedChallenge: string,
): Promise<boolean> {
  const [stored] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.credentialId, response.id)));
  if (!stored) return false;
  const { rpID, origin } = relyingParty(config);
  const result = await verifyAuthenticationResponse({
    response,
    expectedChallenge,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
    credential: {
      id: stored.credentialId,
      publicKey: new Uint8Array(Buffer.from(stored.publicKey, 'base64url')),
      counter: stored.signCount,
      transports: stored.transports,
    },
  }).catch(() => null);
  if (!result?.verified) return false;
  await db
    .update(passkeys)
    .set({ signCount: result.authenticationInfo.newCounter, lastUsedAt: new Date() })
    .where(eq(passkeys.id, stored.id));
  return true;
}

export async function removePasskey(db: Database, userId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(passkeys)
    .where(and(eq(passkeys.userId, userId), eq(passkeys.id, id)))
    .returning({ id: passkeys.id });
  return deleted.length === 1;
}
