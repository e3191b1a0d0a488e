import { XMLBuilder } from "fast-xml-parser";

// Every XML document Paperboard serves (feeds, SVG) is built from objects by fast-xml-parser, which
// escapes each text and attribute in full: "&lt;" in a comment reaches the reader as "&lt;", not
// as "<" (xmlbuilder2, tried first, leaves entity-like text unescaped).
//
// Objects map to elements in key order; "@_name" keys are attributes, "#text" is text content,
// arrays repeat an element.

export type XmlNode = string | XmlElement | XmlElement[] | string[];
export type XmlElement = { [name: string]: XmlNode | undefined };

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text", suppressEmptyNode: true, format: true });
const inline = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", textNodeName: "#text", suppressEmptyNode: true });

/** A whole document with its UTF-8 declaration. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(root)}`;
}

/** A fragment without declaration or line breaks (an SVG for a data: URL, an HTML snippet). */
export function xmlFragment(root: XmlElement): string {
  return inline.build(root);
}

// XML 1.0 cannot carry some characters at all, escaped or not (most C0 controls, lone surrogates,
// U+FFFE/U+FFFF). A comment or abstract holding one would make the whole document unparseable,
// so they are dropped.
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlSafeText(text: string): string {
  return text.replace(NOT_XML, "");
}
