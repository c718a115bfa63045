/** The acting user of a request or command: author, assigner and audit actor of every write. */
import type { Role, TokenKind } from '@c360/sdk';

/** Who makes a request (from its bearer token): recorded as note author, tag assigner, audit actor. */
export interface Actor {
  /** Display name, e.g. "Dana (support)": the token's name (an embed token's `sub`). */
  name: string;
  /** Role of SPEC §8: viewer < agent < manager < admin. */
  role: Role;
  /** The API key's id (`tok_…`), or `emb_…` (a digest of the token) for an embed token: the rate-limit key. */
  tokenId: string;
  /** Set for a customer-scoped token (every embed token, and API keys created with `--customer`). */
  customerId?: string;
  kind: TokenKind;
  /** When the token stops working (ISO 8601), if it expires. */
  expiresAt?: string;
}
