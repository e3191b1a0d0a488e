import type { ListedPaper } from "@/db/queries/daily-list";
import { dayPath, weekPath } from "../paths";
import { escapeHtml } from "./escape-html";
import type { DigestPeriod } from "./periods";

// The digest mail in its two parts. Titles and names come from arXiv and readers, so every one
// of them is escaped before it goes into HTML.

export type DigestPaper = Pick<ListedPaper, "id" | "title" | "authors" | "authorCount" | "upvoteCount" | "commentCount">;

export type DigestMessage = { subject: string; text: string; html: string };

export function digestMessage({
  period,
  papers,
  siteUrl,
  unsubscribeUrl,
}: {
  period: DigestPeriod;
  papers: DigestPaper[];
  siteUrl: string;
  unsubscribeUrl: string;
}): DigestMessage {
  const intro = `The top ${papers.length} ${papers.length === 1 ? "paper" : "papers"} on Paperboard for ${period.label}:`;
  const fullList = siteUrl + (period.frequency === "daily" ? dayPath(period.start) : weekPath(period.key.slice("weekly:".length)));
  const why = `You get this ${period.frequency} digest because you subscribed at ${siteUrl}/subscribe.`;
  const entries = papers.map((paper) => ({ paper, url: `${siteUrl}/papers/${paper.id}`, meta: metaLine(paper) }));

  const text = [
    intro,
    "",
    ...entries.flatMap(({ paper, url, meta }, i) => [`${i + 1}. ${paper.title}`, `   ${meta}`, `   ${url}`, ""]),
    `The full list: ${fullList}`,
    "",
    "--",
    why,
    `Unsubscribe with one click: ${unsubscribeUrl}`,
    "",
  ].join("\n");

  const items = entries
    .map(
      ({ paper, url, meta }) =>
        `<li style="margin:0 0 16px"><a href="${escapeHtml(url)}" style="color:#1d4ed8;font-weight:600;text-decoration:none">${escapeHtml(paper.title)}</a>` +
        `<br><span style="color:#52525b;font-size:13px">${escapeHtml(meta)}</span></li>`,
    )
    .join("");
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(subjectOf(period))}</title></head>` +
    `<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#18181b;background:#ffffff">` +
    `<div style="max-width:600px;margin:0 auto">` +
    `<p style="font-size:18px;font-weight:700;margin:0 0 16px">Paperboard</p>` +
    `<p style="margin:0 0 16px">${escapeHtml(intro)}</p>` +
    `<ol style="padding-left:20px;margin:0 0 24px">${items}</ol>` +
    `<p style="margin:0 0 24px"><a href="${escapeHtml(fullList)}" style="color:#1d4ed8">See the full list</a></p>` +
    `<hr style="border:none;border-top:1px solid #e4e4e7;margin:0 0 16px">` +
    `<p style="color:#52525b;font-size:13px;margin:0">${escapeHtml(why)} ` +
    `<a href="${escapeHtml(unsubscribeUrl)}" style="color:#52525b">Unsubscribe with one click</a>.</p>` +
    `</div></body></html>`;

  return { subject: subjectOf(period), text, html };
}

function subjectOf(period: DigestPeriod): string {
  return `Trending on Paperboard: ${period.label}`;
}

function metaLine(paper: DigestPaper): string {
  const others = paper.authorCount - paper.authors.length;
  const authors = paper.authors.join(", ") + (others > 0 ? ` and ${others} more` : "");
  const votes = `${paper.upvoteCount} ${paper.upvoteCount === 1 ? "upvote" : "upvotes"}`;
  const comments = `${paper.commentCount} ${paper.commentCount === 1 ? "comment" : "comments"}`;
  return [authors, votes, comments].filter(Boolean).join(" · ");
}
