// Converts a TypeScript jurisdiction plugin (plugins/<id>/src/index.ts, `export default definePlugin({...})`)
// into plugins/<id>/plugin.yaml, keeping every comment: the TypeScript compiler API walks the declaration's
// object literal (following identifiers into the section files, spreads and `.map` over const arrays) and
// records each property's leading and same-line comments by path; the values come from the compiled
// plugin (dist/, so `npm run build` first) and are written with the `yaml` package, each comment on the
// key or list item it stood above. Comments whose place cannot be found are kept on the nearest parent.
//
//   npm run build && node scripts/plugin-to-yaml.mjs plugins/<id> [plugins/<id2> ...]
//
// It overwrites plugin.yaml: once a plugin is maintained as YAML, edit the YAML, do not re-run this.
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import YAML from 'yaml';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SCHEMA_REF = '# yaml-language-server: $schema=../../libs/plugin-sdk/plugin.schema.json';

function compilerOptions() {
  const file = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile);
  return ts.parseJsonConfigFileContent(file.config, ts.sys, root).options;
}

/** Comment text without its markers, one string per line. */
function commentLines(text) {
  if (text.startsWith('//')) return [text.slice(2).replace(/^ ?/, '')];
  return text
    .replace(/^\/\*\*?/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, '').replace(/\s+$/, ''))
    .filter((l, i, all) => !((i === 0 || i === all.length - 1) && l === ''))
    .map((l, _i, all) => (all.length === 1 ? l.trim() : l));
}

function convert(pluginDir) {
  const index = join(pluginDir, 'src', 'index.ts');
  const program = ts.createProgram([index], compilerOptions());
  const checker = program.getTypeChecker();
  /** path (joined by \u0000) → { before: string[], after: string[] } */
  const notes = new Map();
  const seen = new Set();
  const note = (path, where, lines) => {
    if (!lines.length) return;
    const key = path.join('\u0000');
    const n = notes.get(key) ?? { path, before: [], after: [] };
    n[where].push(...lines);
    notes.set(key, n);
  };

  /** Comments in [start, end) of a source file, each with its position. */
  const commentsIn = (sf, start, end) => {
    const out = [];
    const scanner = ts.createScanner(
      ts.ScriptTarget.Latest,
      false,
      ts.LanguageVariant.Standard,
      sf.text,
      undefined,
      start,
      end - start,
    );
    for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
      if (k === ts.SyntaxKind.SingleLineCommentTrivia || k === ts.SyntaxKind.MultiLineCommentTrivia) {
        out.push({ pos: scanner.getTokenStart(), text: scanner.getTokenText() });
      }
    }
    return out;
  };
  const line = (sf, pos) => sf.getLineAndCharacterOfPosition(pos).line;

  /**
   * Distributes the comments between consecutive members of an object or array literal: a comment on the
   * line a member ends goes after it, any other before the next member (or after the last one).
   */
  const members = (node, items, pathOf, onEach) => {
    const sf = node.getSourceFile();
    let prevEnd = node.getStart() + 1;
    let prevPath = null;
    items.forEach((item, i) => {
      for (const c of commentsIn(sf, prevEnd, item.getStart())) {
        seen.add(`${sf.fileName}:${c.pos}`);
        if (prevPath && line(sf, c.pos) === line(sf, prevEnd)) note(prevPath, 'after', commentLines(c.text));
        else note(pathOf(item, i) ?? prevPath ?? [], 'before', commentLines(c.text));
      }
      const p = onEach(item, i);
      prevPath = p;
      prevEnd = item.getEnd();
    });
    for (const c of commentsIn(sf, prevEnd, node.getEnd() - 1)) {
      seen.add(`${sf.fileName}:${c.pos}`);
      note(
        prevPath ?? [],
        prevPath && line(sf, c.pos) === line(sf, prevEnd) ? 'after' : 'before',
        commentLines(c.text),
      );
    }
  };

  const unwrap = (e) => {
    while (
      ts.isAsExpression(e) ||
      ts.isSatisfiesExpression(e) ||
      ts.isParenthesizedExpression(e) ||
      ts.isTypeAssertionExpression(e)
    )
      e = e.expression;
    return e;
  };

  /** The variable declaration an identifier refers to (through imports), or undefined. */
  const declarationOf = (id) => {
    let sym = ts.isShorthandPropertyAssignment(id)
      ? checker.getShorthandAssignmentValueSymbol(id)
      : checker.getSymbolAtLocation(id);
    if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
    const decl = sym?.valueDeclaration;
    return decl && ts.isVariableDeclaration(decl) && decl.initializer ? decl : undefined;
  };
  /** The leading comments of a variable's statement (its JSDoc and any line comments above it). */
  const declarationComments = (decl, path) => {
    const stmt = decl.parent?.parent;
    if (!stmt || !ts.isVariableStatement(stmt)) return;
    const sf = stmt.getSourceFile();
    for (const r of ts.getLeadingCommentRanges(sf.text, stmt.getFullStart()) ?? []) {
      seen.add(`${sf.fileName}:${r.pos}`);
      note(path, 'before', commentLines(sf.text.slice(r.pos, r.end)));
    }
  };

  /** The array literal an expression stands for (`X`, `X as const`), for spreads and `.map`. */
  const arrayLiteralOf = (e) => {
    e = unwrap(e);
    if (ts.isArrayLiteralExpression(e)) return { list: e, decl: undefined };
    if (ts.isIdentifier(e)) {
      const decl = declarationOf(e);
      const init = decl && unwrap(decl.initializer);
      if (init && ts.isArrayLiteralExpression(init)) return { list: init, decl };
    }
    return undefined;
  };
  const mapSource = (e) => {
    e = unwrap(e);
    if (ts.isCallExpression(e) && ts.isPropertyAccessExpression(e.expression) && e.expression.name.text === 'map')
      return arrayLiteralOf(e.expression.expression);
    return undefined;
  };

  const walk = (expr, path) => {
    const e = unwrap(expr);
    if (ts.isObjectLiteralExpression(e)) {
      const keyOf = (p) =>
        p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : undefined;
      members(
        e,
        e.properties,
        (p) => (keyOf(p) ? [...path, keyOf(p)] : path),
        (p) => {
          const key = keyOf(p);
          if (!key) return path;
          const at = [...path, key];
          if (ts.isPropertyAssignment(p)) walk(p.initializer, at);
          else if (ts.isShorthandPropertyAssignment(p)) {
            const decl = declarationOf(p);
            if (decl) {
              declarationComments(decl, at);
              walk(decl.initializer, at);
            }
          }
          return at;
        },
      );
      return;
    }
    if (ts.isArrayLiteralExpression(e)) {
      let cursor = 0;
      let lost = false;
      const indexOf = new Map();
      e.elements.forEach((el) => {
        indexOf.set(el, lost ? null : cursor);
        if (ts.isSpreadElement(el)) {
          const src = mapSource(el.expression) ?? arrayLiteralOf(el.expression);
          if (src) cursor += src.list.elements.length;
          else lost = true;
        } else cursor += 1;
      });
      members(
        e,
        e.elements,
        (el) => (indexOf.get(el) === null ? path : [...path, indexOf.get(el)]),
        (el) => {
          const i = indexOf.get(el);
          if (i === null) return path;
          if (ts.isSpreadElement(el)) {
            const src = mapSource(el.expression) ?? arrayLiteralOf(el.expression);
            if (src) {
              if (src.decl) declarationComments(src.decl, [...path, i]);
              src.list.elements.forEach((item, j) => walkElementsComments(src.list, item, j, [...path, i + j]));
            }
            return [...path, i];
          }
          walk(el, [...path, i]);
          return [...path, i];
        },
      );
      return;
    }
    if (ts.isIdentifier(e)) {
      const decl = declarationOf(e);
      if (decl) {
        declarationComments(decl, path);
        walk(decl.initializer, path);
      }
      return;
    }
    if (ts.isCallExpression(e)) {
      const src = mapSource(e);
      if (src) {
        if (src.decl) declarationComments(src.decl, path);
        members(
          src.list,
          src.list.elements,
          (_el, j) => [...path, j],
          (el, j) => {
            walkElementsComments(src.list, el, j, [...path, j]);
            return [...path, j];
          },
        );
        return;
      }
      if (ts.isIdentifier(e.expression) && e.expression.text === 'definePlugin' && e.arguments[0])
        walk(e.arguments[0], path);
    }
  };
  /** An element of a `.map`ped or spread array: its own object literal's comments, by the mapped index. */
  const walkElementsComments = (_list, item, _j, path) => {
    const it = unwrap(item);
    if (ts.isObjectLiteralExpression(it) || ts.isArrayLiteralExpression(it)) walk(it, path);
  };

  const sf = program.getSourceFile(index);
  let docComment = [];
  sf.forEachChild((stmt) => {
    if (ts.isExportAssignment(stmt)) {
      for (const r of ts.getLeadingCommentRanges(sf.text, stmt.getFullStart()) ?? []) {
        seen.add(`${sf.fileName}:${r.pos}`);
        docComment.push(...commentLines(sf.text.slice(r.pos, r.end)));
      }
      walk(stmt.expression, []);
    }
  });

  // Every comment in the plugin's files should have found a place; list the ones that did not.
  const unplaced = [];
  for (const file of program.getSourceFiles().filter((f) => f.fileName.startsWith(resolve(pluginDir, 'src')))) {
    for (const c of commentsIn(file, 0, file.text.length)) {
      if (!seen.has(`${file.fileName}:${c.pos}`))
        unplaced.push(`${relative(root, file.fileName)}:${line(file, c.pos) + 1}: ${c.text.split('\n')[0]}`);
    }
  }
  return { notes: [...notes.values()], docComment, unplaced };
}

/** The deepest node of `doc` on `path` and the pair or item it belongs to. */
function placeOf(doc, path) {
  let node = doc.contents;
  let holder = null;
  for (const step of path) {
    if (YAML.isMap(node)) {
      const pair = node.items.find((p) => (YAML.isScalar(p.key) ? p.key.value : p.key) === step);
      if (!pair) break;
      holder = { kind: 'pair', pair };
      node = pair.value;
    } else if (YAML.isSeq(node) && typeof step === 'number' && node.items[step] !== undefined) {
      holder = { kind: 'item', node: node.items[step] };
      node = node.items[step];
    } else break;
  }
  return { holder, node };
}

function appendComment(existing, lines) {
  const text = lines.map((l) => (l ? ` ${l}` : '')).join('\n');
  return existing ? `${existing}\n${text}` : text;
}

async function main() {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    process.stderr.write('usage: node scripts/plugin-to-yaml.mjs plugins/<id> [...]  (after npm run build)\n');
    process.exit(2);
  }
  for (const d of dirs) {
    const dir = resolve(d);
    const compiled = join(root, 'dist', relative(root, dir), 'src', 'index.js');
    if (!existsSync(compiled)) throw new Error(`${compiled} is missing: run npm run build first`);
    const mod = await import(pathToFileURL(compiled).href);
    const value = JSON.parse(JSON.stringify(mod.default));
    if (value.hooks && Object.keys(mod.default.hooks ?? {}).length)
      throw new Error(`${d} has hooks: it stays TypeScript`);
    const { notes, docComment, unplaced } = convert(dir);
    const doc = new YAML.Document(value);
    for (const n of notes) {
      const { holder, node } = placeOf(doc, n.path);
      const lines = [...n.before];
      if (!holder) {
        doc.commentBefore = appendComment(doc.commentBefore, [...lines, ...n.after]);
        continue;
      }
      let target = holder.kind === 'pair' ? holder.pair.key : holder.node;
      // A comment above an item's first key reads better above the item's dash.
      const parent = holder.kind === 'pair' ? placeOf(doc, n.path.slice(0, -1)) : null;
      if (parent && YAML.isMap(parent.node) && parent.node.items[0] === holder.pair && parent.holder?.kind === 'item')
        target = parent.node;
      if (n.after.length && YAML.isScalar(node) && holder.kind === 'pair' && placeOf(doc, n.path).node === node) {
        node.comment = appendComment(node.comment, n.after).replace(/\n/g, ' ');
      } else lines.push(...n.after);
      if (lines.length) {
        if (YAML.isScalar(target) || YAML.isCollection(target))
          target.commentBefore = appendComment(target.commentBefore, lines);
      }
    }
    doc.commentBefore = appendComment(doc.commentBefore, docComment);
    // Short lists of plain values on one line (`reportTo: [CONVENER]`), unless an item carries a comment.
    YAML.visit(doc, {
      Seq(_k, seq) {
        const plain = seq.items.every((i) => YAML.isScalar(i) && !i.commentBefore && !i.comment);
        if (plain && JSON.stringify(seq.toJSON()).length <= 80) seq.flow = true;
      },
    });
    const text = `${SCHEMA_REF}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
    // The YAML must read back to exactly the compiled plugin's value.
    if (JSON.stringify(YAML.parse(text)) !== JSON.stringify(value))
      throw new Error(`${d}: YAML does not read back to the plugin's value`);
    writeFileSync(join(dir, 'plugin.yaml'), text);
    process.stdout.write(`${relative(root, join(dir, 'plugin.yaml'))}: ${notes.length} commented place(s)\n`);
    for (const u of unplaced) process.stdout.write(`  not placed: ${u}\n`);
  }
}

await main();
