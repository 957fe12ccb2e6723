/**
 * A small reader for the Prisma schemas pushdown usually meets, so a run
 * does not load @mrleebo/prisma-ast and its parser generator (chevrotain:
 * ~0.35 s of start-up, and a first parse that is slow while it warms up).
 *
 * It follows prisma-ast's own lexer and grammar (prisma-ast 0.15) token for
 * token and builds the same objects for the parts schema.ts reads. It is
 * strict: on anything it is not sure prisma-ast reads the same way (a
 * character its lexer would drop, a syntax error, a block type or form
 * schema.ts does not read, a field type that is not a name or a call) it
 * returns undefined, and the caller parses with prisma-ast, whose result
 * and error messages are then exactly what they always were.
 *
 * One deliberate difference: block comments (`/* ... *\/`, Prisma 6 and later).
 * prisma-ast's lexer drops their slashes and stars and reads the words inside
 * (trigger.dev's schema "did not parse" for it, after 0.4 s in its worker);
 * this reader takes each as one comment token, where a line comment may stand
 * (its own lines, the end of a field line, between blocks), as Prisma does.
 * Elsewhere (inside a field, unterminated) it still declines.
 */
import type { Schema } from '@mrleebo/prisma-ast';

type Kind = 'Comment' | 'LineBreak' | '@@' | '@' | '.' | '?' | '{' | '}' | '[' | ']' | '(' | ')' | ',' | ':' | '=' | 'Keyword' | 'String' | 'Number' | 'Identifier';

interface Token {
  kind: Kind;
  image: string;
}

// prisma-ast's token patterns, tried in its order (the first that matches wins; true/false/null yield to a longer name).
const DOC_OR_LINE_COMMENT = /\/\/\/?[ \t]*.*/y;
const STRING = /"(:?[^\\"\n\r]|\\(:?[bfnrtv"\\/]|u[0-9a-fA-F]{4}))*"/y;
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const IDENTIFIER = /[a-zA-Z][\w-]*/y;
const WHITESPACE = /\s+/y;
const PUNCTUATION = new Set<string>(['.', '?', '{', '}', '[', ']', '(', ')', ',', ':', '=']);

function sticky(re: RegExp, text: string, at: number): string | undefined {
  re.lastIndex = at;
  return re.exec(text)?.[0];
}

/** prisma-ast's lexer; undefined where it would drop a character it cannot read. */
function tokenize(text: string): Token[] | undefined {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let image: string | undefined;
    let kind: Kind;
    if (c === '/' && (image = sticky(DOC_OR_LINE_COMMENT, text, i)) !== undefined) kind = 'Comment';
    else if (c === '/' && text[i + 1] === '*') {
      // A block comment (Prisma 6 and later; prisma-ast would drop its slashes and stars and read its words).
      // One token, newlines inside it included; unterminated, prisma-ast's outcome stands.
      const end = text.indexOf('*/', i + 2);
      if (end === -1) return undefined;
      kind = 'Comment';
      image = text.slice(i, end + 2);
    }
    else if (c === '\n' || (c === '\r' && text[i + 1] === '\n')) {
      kind = 'LineBreak';
      image = c === '\n' ? '\n' : '\r\n';
    } else if ((image = sticky(WHITESPACE, text, i)) !== undefined) {
      i += image.length; // skipped, newlines in it included (as prisma-ast's lexer does)
      continue;
    } else if (c === '@') {
      kind = text[i + 1] === '@' ? '@@' : '@';
      image = kind;
    } else if (PUNCTUATION.has(c)) {
      kind = c as Kind;
      image = c;
    } else if ((image = sticky(IDENTIFIER, text, i)) !== undefined) {
      kind = image === 'true' || image === 'false' || image === 'null' ? 'Keyword' : 'Identifier';
      // A keyword followed by what the name pattern would not take is still a keyword; `trueish` is a name.
    } else if (c === '"' && (image = sticky(STRING, text, i)) !== undefined) kind = 'String';
    else if ((image = sticky(NUMBER, text, i)) !== undefined) kind = 'Number';
    else return undefined;
    out.push({ kind, image });
    i += image.length;
  }
  return out;
}

class Bail extends Error {}

type Value = string | { type: 'function'; name: string } | { type: 'array' } | { type: 'object' };
type Block = Schema['list'][number];

/**
 * prisma-ast's `getSchema(text).list`, for the blocks schema.ts reads (datasource,
 * generator, model, view, type, enum), or undefined when this reader cannot be
 * sure of giving exactly that (then ask prisma-ast).
 */
export function readSchemaBlocks(text: string): Schema['list'] | undefined {
  const tokens = tokenize(text);
  if (!tokens) return undefined;
  let at = 0;
  const peek = (k = 0): Kind | undefined => tokens[at + k]?.kind;
  const take = (kind: Kind): Token => {
    const t = tokens[at];
    if (t?.kind !== kind) throw new Bail();
    at++;
    return t;
  };
  const startsValue = (k: Kind | undefined) => k === 'String' || k === 'Number' || k === '[' || k === '{' || k === 'Keyword' || k === 'Identifier';

  /** MANY_SEP: nothing, or items separated by commas (no trailing comma). */
  const separated = (starts: (k: Kind | undefined) => boolean, item: () => void) => {
    if (!starts(peek())) return;
    item();
    while (peek() === ',') {
      at++;
      item();
    }
  };
  const keyedArg = () => {
    take('Identifier');
    take(':');
    value();
  };
  const keyedOrValue = () => (peek() === 'Identifier' && peek(1) === ':' ? keyedArg() : value());
  const value = (): Value => {
    const k = peek();
    if (k === 'String' || k === 'Number' || k === 'Keyword') return tokens[at++].image;
    if (k === '[') {
      at++;
      separated(startsValue, value);
      take(']');
      return { type: 'array' };
    }
    if (k === '{') {
      at++;
      separated((x) => x === 'Identifier', keyedArg);
      take('}');
      return { type: 'object' };
    }
    if (k === 'Identifier') {
      const name = tokens[at++].image;
      if (peek() !== '(') return name;
      at++;
      separated(startsValue, keyedOrValue);
      take(')');
      return { type: 'function', name };
    }
    throw new Bail();
  };
  /** `@name`, `@group.name` (or `@@...`), with optional arguments. */
  const attribute = (sigil: '@' | '@@') => {
    take(sigil);
    let group: string | undefined;
    let name = take('Identifier').image;
    if (peek() === '.') {
      at++;
      group = name;
      name = take('Identifier').image;
    }
    if (peek() === '(') {
      at++;
      separated(startsValue, keyedOrValue);
      take(')');
    }
    return { type: 'attribute' as const, kind: sigil === '@' ? ('field' as const) : ('object' as const), name, group };
  };
  const attributes = () => {
    const list = [];
    while (peek() === '@') list.push(attribute('@'));
    if (peek() === 'Comment') at++;
    return list;
  };

  const blocks: unknown[] = [];
  while (at < tokens.length) {
    const k = peek();
    if (k === 'Comment' || k === 'LineBreak') {
      at++;
      continue;
    }
    if (k !== 'Identifier') return undefined; // prisma-ast reports what is left unparsed
    const type = tokens[at++].image;
    if (type !== 'datasource' && type !== 'generator' && type !== 'model' && type !== 'view' && type !== 'type' && type !== 'enum') return undefined;
    if (peek() !== 'Identifier' || peek(1) !== '{') return undefined; // a grouped name (`a.B`) or a syntax error
    const name = tokens[at++].image;
    const isObject = type === 'model' || type === 'view' || type === 'type';
    const isEnum = type === 'enum';
    const list: unknown[] = [];
    try {
      take('{');
      take('LineBreak');
      for (;;) {
        const next = peek();
        if (next === 'Comment' || next === 'LineBreak') at++;
        else if (next === '@@') list.push(attribute('@@'));
        else if (next === 'Identifier' && peek(1) === '=') {
          if (isEnum) return undefined; // an enumerator or an assignment: left to prisma-ast's lookahead
          // a property (models) or an assignment (the others): both `key = value`
          const key = tokens[at].image;
          at += 2;
          const v = value();
          if (!isObject) list.push({ type: 'assignment', key, value: v });
        } else if (next === 'Identifier' && isObject && startsValue(peek(1))) {
          const fieldName = tokens[at++].image;
          const fieldType = value();
          if (typeof fieldType !== 'string' ? fieldType.type !== 'function' : tokens[at - 1].kind !== 'Identifier') return undefined;
          let array = false;
          let optional = false;
          if (peek() === '[') {
            at++;
            take(']');
            array = true;
          } else if (peek() === '?') {
            at++;
            optional = true;
          }
          const attrs = attributes();
          list.push({ type: 'field', name: fieldName, fieldType, array, optional, attributes: attrs.length > 0 ? attrs : undefined });
        } else if (next === 'Identifier' && isEnum) {
          const enumerator = tokens[at++].image;
          attributes();
          list.push({ type: 'enumerator', name: enumerator });
        } else break;
      }
      take('}');
    } catch (err) {
      if (err instanceof Bail) return undefined;
      throw err;
    }
    if (isObject) blocks.push({ type, name, properties: list });
    else if (isEnum) blocks.push({ type, name, enumerators: list });
    else blocks.push({ type, name, assignments: list });
  }
  return blocks as Block[];
}
