export type LinkCategory = 'strange-link' | 'scam' | 'gambling-fortune';
export type LinkSeverity = 'low' | 'medium' | 'high';

export interface LinkReason {
  /** Stable id, e.g. 'shortener', 'blocklist', 'lookalike-domain'. */
  reason: string;
  category: LinkCategory;
  severity: LinkSeverity;
  /** One Vietnamese sentence for the admin. */
  explanation: string;
  /**
   * A weak sign (cheap TLD, free hosting, throwaway-looking name, invite to another group…): the link is a
   * violation only when the message around it carries money, OTP, prize, betting or sales words.
   */
  needsContext?: boolean;
}

export interface ExtractedLink {
  /** UTF-16 offsets into the original text; text.slice(start, end) is what the user sees. */
  start: number;
  end: number;
  /** Normalised absolute URL (scheme added, obfuscation like "[.]" undone). */
  url: string;
  /** Lowercase ASCII (punycode) hostname, no trailing dot. */
  host: string;
  /**
   * A bare "word.tld" whose TLD is also a Vietnamese syllable ("xong.Moi", "kubet.co"): usually a sentence end
   * typed without a space, so it counts as a link only when a blocklist or the group's block list names the host.
   */
  weak?: boolean;
}

export interface LinkFinding extends ExtractedLink {
  registrableDomain: string | null;
  official: boolean;
  /** Official, on the bundled known-good list, or allowed by the group: no "unverified" chip. */
  known: boolean;
  findings: LinkReason[];
}

export interface BlocklistHit {
  list: string;
  matched: string;
}

export interface Blocklist {
  lookup(host: string): BlocklistHit | null;
  size: number;
  source: string;
}

export interface AnalyseOptions {
  allowDomains?: string[];
  blockDomains?: string[];
  blocklist?: Blocklist;
  /** Hosts that hide where a link leads (bit.ly…); SHORTENER_DOMAINS when omitted. */
  shorteners?: readonly string[];
  /** The group's own invite links ("zalo.me/g/abc123"): never judged as an invite to another group. */
  ownInvites?: readonly string[];
}
