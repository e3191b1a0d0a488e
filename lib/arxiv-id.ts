import { decodeOrKeep } from "./uri";
// arXiv identifiers, as documented at arxiv.org/help/arxiv_identifier:
//  - new style since April 2007: YYMM.NNNN (to 2014-12) and YYMM.NNNNN (from 2015-01), optional vN;
//  - old style before that: archive(.SUBJECT)/YYMMNNN, e.g. hep-th/9901001 or math.GT/0309136.

export type ArxivId = {
  /** Canonical identifier without version: "2401.12345" or "hep-th/9901001". */
  id: string;
  /** The version asked for, when the input named one ("v2" → 2). */
  version: number | null;
  style: "new" | "old";
};

// Versions as arXiv writes them: no leading zero, and far below what a number holds exactly (a
// version of 23 digits read as 1e+23, and sent readers to /papers/…v1e+23). Each spelling is also
// a page of its own in the page cache, so only real-looking ones are accepted.
const NEW_STYLE = /^(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d{0,3}))?$/;
const OLD_STYLE = /^([a-z]+(?:-[a-z]+)*)(\.[A-Z]{2})?\/(\d{2})(\d{2})(\d{3})(?:v([1-9]\d{0,3}))?$/;

// Hosts whose /abs/ and /pdf/ paths carry an identifier.
const ARXIV_HOSTS = new Set(["arxiv.org", "www.arxiv.org", "export.arxiv.org", "huggingface.co"]);

/** Parses an identifier, an `arXiv:` reference or an abs/pdf/html URL. Returns null for anything else. */
export function parseArxivId(input: string): ArxivId | null {
  const candidate = stripWrapping(input.trim());
  if (candidate === null || candidate.length > 64) return null;
  return parseBareId(candidate);
}

function stripWrapping(raw: string): string | null {
  // Copied from an address bar without its scheme: arxiv.org/abs/2401.12345.
  if (/^(?:(?:www\.|export\.)?arxiv\.org|huggingface\.co)\//i.test(raw)) raw = `https://${raw}`;
  if (/^https?:\/\//i.test(raw)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    if (!ARXIV_HOSTS.has(url.hostname.toLowerCase())) return null;
    // abs and pdf, arXiv's HTML rendering (/html/), and Hugging Face's paper pages (/papers/).
    const match = url.pathname.match(/^\/(?:abs|pdf|html|papers)\/(.+?)(?:\.pdf)?\/?$/);
    // A stray % stays as written, and fails as an identifier below.
    return match ? decodeOrKeep(match[1]) : null;
  }
  return raw.replace(/^arxiv:\s*/i, "");
}

function parseBareId(candidate: string): ArxivId | null {
  const modern = candidate.match(NEW_STYLE);
  if (modern) {
    const [, yy, mm, number, version] = modern;
    const year = 2000 + Number(yy);
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // Four-digit numbers ran April 2007 to December 2014; five digits from January 2015.
    if (year * 100 + month < 200704) return null;
    const fiveDigits = year >= 2015;
    if (fiveDigits !== (number.length === 5)) return null;
    return { id: `${yy}${mm}.${number}`, version: parseVersion(version), style: "new" };
  }
  const legacy = candidate.match(OLD_STYLE);
  if (legacy) {
    const [, archive, subject, yy, mm, number, version] = legacy;
    const month = Number(mm);
    if (month < 1 || month > 12) return null;
    // Old-style identifiers were issued from August 1991 to March 2007.
    const year = Number(yy) >= 91 ? 1900 + Number(yy) : 2000 + Number(yy);
    if (year * 100 + month < 199108 || year * 100 + month > 200703) return null;
    return { id: `${archive}${subject ?? ""}/${yy}${mm}${number}`, version: parseVersion(version), style: "old" };
  }
  return null;
}

function parseVersion(raw: string | undefined): number | null {
  return raw === undefined ? null : Number(raw);
}

/** The month an identifier was issued in, e.g. "2024-01" for 2401.12345. */
export function arxivIdMonth(id: string): string | null {
  const parsed = parseBareId(id);
  if (!parsed) return null;
  const digits = parsed.style === "new" ? id.slice(0, 4) : id.split("/")[1].slice(0, 4);
  const yy = Number(digits.slice(0, 2));
  const year = parsed.style === "new" || yy < 91 ? 2000 + yy : 1900 + yy;
  return `${year}-${digits.slice(2, 4)}`;
}

export function arxivAbsUrl(id: string, version?: number | null): string {
  return `https://arxiv.org/abs/${id}${version ? `v${version}` : ""}`;
}

export function arxivPdfUrl(id: string, version?: number | null): string {
  return `https://arxiv.org/pdf/${id}${version ? `v${version}` : ""}`;
}

/** Our own page for a paper. Old-style IDs keep their slash: /papers/hep-th/9901001. */
export function paperPath(id: string): string {
  return `/papers/${id}`;
}
