import { createRequire } from 'node:module';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@engine/access';
import { APP_CONFIG, type AppConfig } from '@engine/config';

const require = createRequire(import.meta.url);

/** GraphiQL and React, served from node_modules: nothing loads from a CDN (closed government networks). */
const ASSETS: Record<string, { path: () => string; type: string }> = {
  'react.js': { path: () => require.resolve('react/umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { path: () => require.resolve('react-dom/umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { path: () => require.resolve('graphiql/graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { path: () => require.resolve('graphiql/graphiql.min.css'), type: 'text/css' },
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8" />
  <title>GraphiQL · 信访工作联席会议平台</title>
  <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  <style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="graphiql">Loading…</div>
  <script src="/graphiql/assets/react.js"></script>
  <script src="/graphiql/assets/react-dom.js"></script>
  <script src="/graphiql/assets/graphiql.js"></script>
  <script src="/graphiql/assets/init.js"></script>
</body>
</html>`;

// Kept out of the page so the Content-Security-Policy needs no inline scripts.
const INIT = `(function () {
  var fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultEditorToolsVisibility: true,
    defaultHeaders: '{\\n  "Authorization": "Bearer <accessToken from the login mutation>"\\n}',
    defaultQuery: 'mutation Login {\\n  login(input: { username: "admin", password: "…" }) { accessToken user { username roles } }\\n}\\n'
  }));
})();`;

@Controller('graphiql')
export class GraphiqlController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    this.ensureEnabled();
    return PAGE;
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    this.ensureEnabled();
    if (file === 'init.js') {
      res.type('text/javascript').send(INIT);
      return;
    }
    const asset = ASSETS[file];
    if (!asset) throw new NotFoundException();
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset.path());
  }

  private ensureEnabled(): void {
    if (!this.config.graphiql) throw new NotFoundException();
  }
}
