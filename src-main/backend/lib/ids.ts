import { v7 as uuidv7 } from 'uuid';

/** Globally unique ids for rows that leave the store (SPEC §4: UUIDv7 beside the local key). */
export interface IdGenerator {
  uuid(): string;
}

export const uuidV7Ids: IdGenerator = { uuid: () => uuidv7() };
