// Parsing XML and HTML with htmlparser2 within a budget of work, not only of bytes: the elements
// are counted and their nesting measured as the parser opens them, before the tree grows, so that
// 49 MB of empty <p>, a million nested w:sdt or 100,000 nested tables stop at once with a clear
// error instead of filling memory or spending minutes in the parser (htmlparser2's open-element
// stack grows at its front, so deep nesting costs it quadratic time).

import type { ParserOptions } from 'htmlparser2';
import type { Document, DomHandlerOptions } from 'domhandler';
import { markup } from './markup.js';
import { SourceError, type Limits } from './types.js';

export type Budget = Pick<Limits, 'maxElements' | 'maxDepth'>;

/** The document tree of `text`, or a `too-complex` SourceError naming `what` (a part or "the page"). */
export function parseBounded(text: string, options: ParserOptions & DomHandlerOptions, budget: Budget, what: { zh: string; en: string }): Document {
  const { DomHandler, Parser } = markup();
  const handler = new DomHandler(undefined, options);
  let elements = 0;
  let depth = 0;
  const open = handler.onopentag.bind(handler);
  const close = handler.onclosetag.bind(handler);
  handler.onopentag = (name, attribs) => {
    if (++elements > budget.maxElements) {
      throw new SourceError('too-complex', { zh: `${what.zh}的元素超过 ${budget.maxElements} 个，不予读取`, en: `${what.en} has more than ${budget.maxElements} elements; not read` });
    }
    if (++depth > budget.maxDepth) {
      throw new SourceError('too-complex', { zh: `${what.zh}的元素嵌套超过 ${budget.maxDepth} 层，不予读取`, en: `${what.en} nests elements more than ${budget.maxDepth} deep; not read` });
    }
    open(name, attribs);
  };
  handler.onclosetag = () => {
    depth--;
    close();
  };
  new Parser(handler, options).end(text);
  return handler.root;
}
