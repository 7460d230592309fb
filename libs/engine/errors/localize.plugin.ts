import type { ApolloServerPlugin } from '@apollo/server';
import { languageOf } from './reasons';

interface Localizable {
  message: string;
  extensions?: Record<string, unknown> & { __zh?: string; problems?: { message: string; __zh?: string }[] };
}

/**
 * Answers errors in the client's language: Simplified Chinese by default, English with
 * `Accept-Language: en` (formatGraphQLError leaves the Chinese text in `__zh`; English is the text
 * the error was raised with). The private key never reaches a client.
 */
export function localizeErrorsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const language = languageOf(request.http?.headers.get('accept-language'));
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          for (const error of (response.body.singleResult.errors ?? []) as Localizable[]) {
            const ext = error.extensions;
            if (!ext) continue;
            if (language === 'zh' && ext.__zh) error.message = ext.__zh;
            delete ext.__zh;
            for (const problem of ext.problems ?? []) {
              if (language === 'zh' && problem.__zh) problem.message = problem.__zh;
              delete problem.__zh;
            }
          }
        },
      };
    },
  };
}
