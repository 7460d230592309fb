import { Inject } from '@nestjs/common';
import { Args, Field, Mutation, ObjectType, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '@engine/context';
import { AppError } from '@engine/errors';
import { Authenticated, Ctx } from './decorators';
import { DOWNLOAD_PATH, DownloadLinks } from './download-link';

@ObjectType({ description: 'A signed link to one document, usable without the Authorization header until it expires.' })
export class DownloadLink {
  @Field({ description: 'Path and query to open on this server (e.g. as an <a href>).' })
  url!: string;

  @Field(() => Date)
  expiresAt!: Date;
}

@Resolver()
export class DownloadLinkResolver {
  constructor(@Inject(DownloadLinks) private readonly links: DownloadLinks) {}

  @Authenticated()
  @Mutation(() => DownloadLink, {
    description:
      'A link to a document under /documents, valid a few minutes, opening it as you (the same access rules apply when it is opened).',
  })
  createDownloadLink(@Ctx() ctx: RequestContext, @Args('path') path: string): DownloadLink {
    if (!DOWNLOAD_PATH.test(path) || path.includes('..'))
      throw AppError.badInput('path', 'must be a document path under /documents/', 'NOT_A_DOCUMENT_PATH');
    return this.links.sign(ctx.caller, path);
  }
}
