/**
 * The people who comment on the Page and write to it on Messenger. A person is known by name (the control
 * API's `from.name`); they have an id as commenter and a page-scoped id (PSID) on Messenger, which differ
 * unless `commenterIdIsPsid` is set.
 */

export interface FbPerson {
  name: string;
  /** The id in a comment's `from`. */
  userId: string;
  /** Page-scoped id on Messenger: `recipient_id` of a private reply, `recipient.id` of the Send API. */
  psid: string;
  /** Blocked the Page or cannot be messaged: sends answer code 551. */
  unavailable: boolean;
}

export type PersonResult = { ok: true; person: FbPerson } | { ok: false; error: string };

export class PeopleDirectory {
  // Far apart so no one mistakes one kind of id for the other. Kept across resets: ids never repeat.
  private nextUserId = 6100000000000001n;
  private nextPsid = 2450000000000001n;
  private byName = new Map<string, FbPerson>();
  private byUser = new Map<string, FbPerson>();
  private byPs = new Map<string, FbPerson>();

  constructor(private readonly sameIds: boolean) {}

  /**
   * The person with this name, created on first sight. An id given by the caller is the commenter id
   * (`as: 'user'`) or the PSID (`as: 'psid'`) of a new person, and must match an existing one.
   */
  upsert(input: { name: string; id?: string }, as: 'user' | 'psid'): PersonResult {
    const known = this.byName.get(input.name);
    if (known) {
      const knownId = as === 'user' ? known.userId : known.psid;
      if (input.id !== undefined && input.id !== knownId) {
        return { ok: false, error: `from.id: ${input.name} already has the ${as} id ${knownId}` };
      }
      return { ok: true, person: known };
    }
    if (input.id !== undefined && (this.byUser.has(input.id) || this.byPs.has(input.id))) {
      return { ok: false, error: `from.id: ${input.id} belongs to someone else` };
    }
    const given = input.id;
    let userId: string;
    let psid: string;
    if (this.sameIds) {
      userId = given ?? this.newId('user');
      psid = userId;
    } else {
      userId = as === 'user' && given !== undefined ? given : this.newId('user');
      psid = as === 'psid' && given !== undefined ? given : this.newId('psid');
    }
    const person: FbPerson = { name: input.name, userId, psid, unavailable: false };
    this.byName.set(person.name, person);
    this.byUser.set(userId, person);
    this.byPs.set(psid, person);
    return { ok: true, person };
  }

  byUserId(id: string): FbPerson | undefined {
    return this.byUser.get(id);
  }

  byPsid(psid: string): FbPerson | undefined {
    return this.byPs.get(psid);
  }

  byNameOf(name: string): FbPerson | undefined {
    return this.byName.get(name);
  }

  /** Everyone, in order of first appearance. */
  all(): FbPerson[] {
    return [...this.byName.values()];
  }

  count(): number {
    return this.byName.size;
  }

  clear(): void {
    this.byName.clear();
    this.byUser.clear();
    this.byPs.clear();
  }

  private newId(kind: 'user' | 'psid'): string {
    if (kind === 'user') {
      this.nextUserId += 1n;
      return this.nextUserId.toString();
    }
    this.nextPsid += 1n;
    return this.nextPsid.toString();
  }
}
