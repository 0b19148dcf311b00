/**
 * Text for XML and HTML: the five special characters escaped, and the characters XML 1.0 forbids
 * (C0 controls other than tab and newline, lone surrogates, U+FFFE/FFFF) dropped, so a title
 * such as `<script>` or `&` stays inert text and the SVG always parses.
 */
export function escapeXml(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c)
    .replace(XML_LEGAL_CONTROLS, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}

/**
 * Characters XML allows but a terminal obeys (an SVG printed to stdout): CR, DEL, C1 controls and
 * direction overrides, written as character references, the same text to every XML reader.
 */
const XML_LEGAL_CONTROLS = /[\r\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** C0 controls other than tab and newline, U+FFFE/FFFF, and surrogates without their pair. */
const INVALID_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Drops what an XML parser refuses, keeping every character a user can really type. */
export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML, '');
}
