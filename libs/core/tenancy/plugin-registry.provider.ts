import { Logger, type Provider } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@engine/config';
import { PLUGINS_DIR, PluginRegistry, importPluginDir } from '@engine/plugins';

/**
 * Loads the plugins in plugins/ (or PLUGINS_DIR) once at start. Broken plugins are logged with
 * their id, field path and reason and marked unavailable; the rest serve.
 */
export const pluginRegistryProvider: Provider = {
  provide: PluginRegistry,
  inject: [APP_CONFIG],
  useFactory: async (config: AppConfig): Promise<PluginRegistry> => {
    const registry = await PluginRegistry.load(
      PluginRegistry.discover(config.pluginsDir ?? PLUGINS_DIR, importPluginDir),
    );
    const logger = new Logger('Plugins');
    for (const entry of registry.all()) {
      if (entry.available) logger.log(`${entry.id}@${entry.version} available`);
      else for (const p of entry.problems) logger.error(`${p.pluginId} unavailable: ${p.path}: ${p.message}`);
    }
    return registry;
  },
};
