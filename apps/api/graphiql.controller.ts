import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Inject, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@engine/access';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { GRAPHIQL_INIT, GRAPHIQL_PAGE } from './graphiql-page';

const require = createRequire(import.meta.url);

/** A file inside a package, found from its package.json (React's exports do not list its UMD builds). */
function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

/** GraphiQL and React, served from node_modules: nothing loads from a CDN (closed government networks). */
const ASSETS: Record<string, { path: () => string; type: string }> = {
  'react.js': { path: () => packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { path: () => packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { path: () => packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { path: () => packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
};

@Controller('graphiql')
export class GraphiqlController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  page(): string {
    this.ensureEnabled();
    return GRAPHIQL_PAGE;
  }

  @Public()
  @Get('assets/:file')
  asset(@Param('file') file: string, @Res() res: Response): void {
    this.ensureEnabled();
    if (file === 'init.js') {
      res.type('text/javascript').send(GRAPHIQL_INIT);
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
