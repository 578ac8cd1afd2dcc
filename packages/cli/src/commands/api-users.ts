import { createHash } from 'node:crypto';
import { z } from 'zod';
import { IdSchema, parseWith, Sha256Schema } from '@rectify/core';
import type { HttpActor } from '@rectify/http';
import { readJsonOption } from '../context.js';

/**
 * The users of a served API (`rectify serve --users users.json`): each a person of the
 * organisations they act in, known by the SHA-256 of their token, so that the file holds
 * no token a reader of it could use. A token is any long random text the person sends as
 * `Authorization: Bearer TOKEN`; its hash is `printf %s TOKEN | sha256sum`.
 */
export const ApiUsersSchema = z.array(z.object({
  personId: IdSchema,
  tokenSha256: Sha256Schema,
  /** Organisations they may read without acting in them (a supervising office), or "all". */
  oversees: z.union([z.literal('all'), z.array(IdSchema)]).optional(),
})).min(1, { message: 'List at least one user' });

/** The users of `--users FILE`, checked: a bad file is a usage error with the path of what is wrong. */
export function readApiUsers(cwd: string, file: string): (authorization: string | null) => HttpActor | null {
  const users = parseWith(ApiUsersSchema, readJsonOption(cwd, 'users', file), `users file ${file}`);
  const byHash = new Map(users.map((u) => [u.tokenSha256, { personId: u.personId, ...(u.oversees === undefined ? {} : { oversees: u.oversees }) } satisfies HttpActor]));
  return (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    return token === undefined ? null : byHash.get(createHash('sha256').update(token, 'utf8').digest('hex')) ?? null;
  };
}
