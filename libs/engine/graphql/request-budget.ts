import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { Lexer, Source, TokenKind } from 'graphql';

/** What one GraphQL request may weigh before the server parses or validates it. */
export interface RequestBudget {
  /** Body size in bytes: anonymous requests (sign-in) are small; the rest share the platform's limit. */
  anonymousMaxBytes: number;
  maxBytes: number;
  /** Lexical tokens of the query document. */
  anonymousMaxTokens: number;
  maxTokens: number;
  /** Nesting of the variables (objects and lists); no input type of the schema comes near it. */
  maxVariableDepth: number;
}

/** Tokens of a document, counting stops once past `stopAfter` (the lexer never reads further). */
export function countTokens(query: string, stopAfter: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++n > stopAfter) break;
  } catch {
    // A syntax error: the parser reports it with its location.
  }
  return n;
}

/** Nesting depth of a JSON value, walked without recursion; stops once past `stopAfter`. */
export function depthOf(value: unknown, stopAfter: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d + 1 > max) max = d + 1;
    if (max > stopAfter) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v))
      if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}

/** A GraphQL-shaped refusal (the shape Apollo gives its own request errors), never reaching Apollo. */
function refuse(res: Response, status: number, reason: string, message: string): void {
  res
    .status(status)
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code: 'BAD_USER_INPUT', reason } }] }));
}

/**
 * The JSON body parser of the API, with the GraphQL request budget in front of Apollo: a request
 * without a valid access token gets a small body and token budget (the ten anonymous 75 kB
 * documents of issue 12 no longer reach the validator); every request's document is counted in
 * tokens and its variables in depth before anything recursive touches them. Refusals are GraphQL
 * errors with HTTP 400/413, never 500.
 * `authenticated` says whether the request carries a valid access token (checked by signature only).
 */
export function graphqlBodyParser(budget: RequestBudget, authenticated: (req: Request) => boolean): RequestHandler {
  const small = express.json({ limit: budget.anonymousMaxBytes });
  const large = express.json({ limit: budget.maxBytes });
  return (req: Request, res: Response, next: NextFunction) => {
    const onGraphql = req.path === '/graphql';
    const anonymous = onGraphql && !authenticated(req);
    (anonymous ? small : large)(req, res, (err?: unknown) => {
      if (err) {
        const e = err as { status?: number; type?: string };
        if (e.type === 'entity.too.large') {
          return refuse(
            res,
            413,
            'REQUEST_TOO_LARGE',
            `The request is too large: at most ${anonymous ? budget.anonymousMaxBytes : budget.maxBytes} bytes${anonymous ? ' without signing in' : ''}`,
          );
        }
        if (onGraphql && (e.status ?? 500) < 500)
          return refuse(res, 400, 'MALFORMED_REQUEST', 'The request body is not valid JSON');
        return next(err);
      }
      const body = req.body as { query?: unknown; variables?: unknown } | undefined;
      if (!onGraphql || !body || typeof body !== 'object') return next();
      const maxTokens = anonymous ? budget.anonymousMaxTokens : budget.maxTokens;
      if (typeof body.query === 'string' && countTokens(body.query, maxTokens) > maxTokens) {
        return refuse(
          res,
          400,
          'QUERY_TOO_LARGE',
          `The query has too many tokens: at most ${maxTokens}${anonymous ? ' without signing in' : ''}`,
        );
      }
      if (depthOf(body.variables, budget.maxVariableDepth) > budget.maxVariableDepth) {
        return refuse(
          res,
          400,
          'VARIABLES_TOO_DEEP',
          `The variables are nested too deeply: at most ${budget.maxVariableDepth} levels`,
        );
      }
      next();
    });
  };
}
