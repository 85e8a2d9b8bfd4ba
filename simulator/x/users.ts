export interface XUser {
  id: string;
  username: string;
  name: string;
  description: string;
  createdAt: number;
  followersCount: number;
  followingCount: number;
  listedCount: number;
  verified: boolean;
  profileImageUrl: string;
  /** Whether anyone may DM this user; when false only users they already have a conversation with may. */
  acceptsDms: boolean;
}

export interface CustomerInput {
  username: string;
  name: string;
  followersCount?: number;
  verified?: boolean;
  acceptsDms?: boolean;
}

const FIRST_CUSTOMER_ID = 1700000000000000000n;
export const DEFAULT_AVATAR =
  'https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png';

/** The brand and the customers, by id and by username (case-insensitive, as X handles are). */
export class UserDirectory {
  private users = new Map<string, XUser>();
  private idByUsername = new Map<string, string>();
  // Ids keep growing across resets, like post ids.
  private lastCustomerId = FIRST_CUSTOMER_ID;

  constructor(
    private readonly brand: XUser,
    private readonly now: () => number,
  ) {
    this.add(brand);
  }

  byId(id: string): XUser | undefined {
    return this.users.get(id);
  }

  byUsername(username: string): XUser | undefined {
    const id = this.idByUsername.get(username.toLowerCase());
    return id === undefined ? undefined : this.users.get(id);
  }

  /** Finds a customer by username or creates one; later calls may update the display name and counts. */
  upsertCustomer(input: CustomerInput): XUser {
    const existing = this.byUsername(input.username);
    if (existing) {
      if (existing.id === this.brand.id) return existing;
      existing.name = input.name;
      if (input.followersCount !== undefined) existing.followersCount = input.followersCount;
      if (input.verified !== undefined) existing.verified = input.verified;
      if (input.acceptsDms !== undefined) existing.acceptsDms = input.acceptsDms;
      return existing;
    }
    this.lastCustomerId += 1_000_003n;
    const user: XUser = {
      id: this.lastCustomerId.toString(),
      username: input.username,
      name: input.name,
      description: '',
      createdAt: this.now() - 400 * 24 * 60 * 60 * 1000,
      followersCount: input.followersCount ?? 42,
      followingCount: 180,
      listedCount: 0,
      verified: input.verified ?? false,
      profileImageUrl: DEFAULT_AVATAR,
      acceptsDms: input.acceptsDms ?? true,
    };
    this.add(user);
    return user;
  }

  reset(): void {
    this.users = new Map();
    this.idByUsername = new Map();
    this.add(this.brand);
  }

  private add(user: XUser): void {
    this.users.set(user.id, user);
    this.idByUsername.set(user.username.toLowerCase(), user.id);
  }
}
