import type { Element, Root as HastRoot } from "hast";
import type { Html, Paragraph, Root as MdastRoot, RootContent, Text } from "mdast";
import type { VFile } from "vfile";

// Small tree passes for lib/markdown.ts, each for a thing no maintained plugin does.

/**
 * Raw HTML in a comment is shown as the text that was written. Dropped (remark-rehype's default),
 * a comment starting with `<script>` or `<div>` lost its whole first block, Markdown included, and
 * was posted as an empty comment. HTML blocks become paragraphs; inline HTML becomes text.
 */
export function remarkRawHtmlAsText() {
  return (tree: MdastRoot) => {
    const walk = (node: { children?: RootContent[] }, flow: boolean) => {
      if (!node.children) return;
      node.children = node.children.map((child) => {
        if (child.type !== "html") {
          walk(child as { children?: RootContent[] }, child.type === "blockquote" || child.type === "listItem" || child.type === "footnoteDefinition");
          return child;
        }
        const text: Text = { type: "text", value: (child as Html).value };
        return flow ? ({ type: "paragraph", children: [text] } satisfies Paragraph) : text;
      });
    };
    walk(tree, true);
  };
}

const ARIA_ID_LISTS = ["ariaDescribedBy", "ariaLabelledBy"] as const;

function elementsOf(node: HastRoot | Element, found: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== "element") continue;
    found.push(child);
    elementsOf(child, found);
  }
  return found;
}

/**
 * Gives every id in a comment, and every link and ARIA reference to one, the prefix in
 * `file.data.anchorPrefix`: footnotes work, and two comments' footnotes never share an id.
 * Links to anchors elsewhere on the page (`#comment-7`, `#discussion`) are left as written.
 * With `file.data.linkBase` (a feed: no page around the comment) every `#…` link points into
 * that page instead.
 */
export function rehypeScopeAnchors() {
  return (tree: HastRoot, file: VFile) => {
    const prefix = String(file.data.anchorPrefix ?? "comment-");
    const base = typeof file.data.linkBase === "string" ? file.data.linkBase : "";
    const elements = elementsOf(tree);
    const own = new Set(elements.flatMap((element) => (typeof element.properties.id === "string" ? [element.properties.id] : [])));
    const scoped = (id: string) => (own.has(id) ? prefix + id : id);
    for (const { tagName, properties: props } of elements) {
      if (typeof props.id === "string") props.id = prefix + props.id;
      if (tagName === "a" && typeof props.href === "string" && props.href.startsWith("#")) props.href = `${base}#${scoped(props.href.slice(1))}`;
      for (const key of ARIA_ID_LISTS) {
        const value = props[key];
        if (Array.isArray(value)) props[key] = value.map((id) => scoped(String(id)));
      }
    }
  };
}

/**
 * Images in comments become links to them: an image from another server is fetched by every
 * reader's browser as the page opens, telling whoever runs that server who read the discussion
 * and when (a tracking pixel), and a large one can fill the thread. A link loads nothing until
 * clicked. Runs after the sanitiser, so `src` is already an allowed URL.
 */
export function rehypeImagesAsLinks() {
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | Element) => {
      node.children = node.children.map((child) => {
        if (child.type !== "element") return child;
        if (child.tagName !== "img") {
          visit(child);
          return child;
        }
        const src = typeof child.properties.src === "string" ? child.properties.src : null;
        const alt = typeof child.properties.alt === "string" && child.properties.alt.trim() ? child.properties.alt.trim() : null;
        const label: Element["children"] = [{ type: "text", value: `[image: ${alt ?? "untitled"}]` }];
        return src ? ({ type: "element", tagName: "a", properties: { href: src }, children: label } satisfies Element) : ({ type: "element", tagName: "span", properties: {}, children: label } satisfies Element);
      });
    };
    visit(tree);
  };
}
