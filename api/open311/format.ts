/**
 * Open311 GeoReport v2 answers in the format the path asks for (`.json` or `.xml`), and its error
 * shape: a list of `{ code, description }` (JSON) or `<errors><error>…</error></errors>` (XML).
 */
import type { Response } from 'express';

export type Format = 'json' | 'xml';

/**
 * Characters XML 1.0 cannot hold even as references (C0 controls but tab and line breaks, lone
 * surrogates, U+FFFE, U+FFFF). Text stored before the edge refused them is written without them, so
 * one such row cannot make the whole list unreadable.
 */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export const escapeXml = (text: string) =>
  text
    .replace(NOT_XML, '')
    .replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);

function xmlValue(name: string, value: unknown, itemName: (list: string) => string): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) return `<${name}>${value.map((v) => xmlValue(itemName(name), v, itemName)).join('')}</${name}>`;
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => xmlValue(k, v, itemName))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

const ITEM_NAMES: Record<string, string> = { attributes: 'attribute', values: 'value' };
const itemName = (list: string) => ITEM_NAMES[list] ?? 'item';
const XML_HEAD = '<?xml version="1.0" encoding="utf-8"?>\n';

/**
 * Sends `body` as JSON, or as XML: a list as `<root><item>…</item>…</root>`, an object as `<root>…</root>`
 * (nested lists name their items as the spec does: attributes/attribute, values/value).
 */
export function send(
  res: Response,
  format: Format,
  status: number,
  root: string,
  item: string,
  body: Record<string, unknown>[] | Record<string, unknown>,
) {
  res.status(status);
  if (format === 'json') {
    res.json(body);
    return;
  }
  const xml = Array.isArray(body)
    ? `<${root}>${body.map((entry) => xmlValue(item, entry, itemName)).join('')}</${root}>`
    : xmlValue(root, body, itemName);
  res.type('application/xml; charset=utf-8').send(XML_HEAD + xml);
}

export function sendErrors(res: Response, format: Format, status: number, errors: { description: string }[]) {
  send(
    res,
    format,
    status,
    'errors',
    'error',
    errors.map((e) => ({ code: status, description: e.description })),
  );
}
