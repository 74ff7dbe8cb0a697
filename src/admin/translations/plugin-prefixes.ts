import type { StrapiApp } from '@strapi/strapi/admin';

/**
 * Strapi 5.54's content-manager zh-Hans file already prefixes 217 of its keys with the plugin's
 * id, and the plugin prefixes them again (`content-manager.content-manager.header.name`): none of
 * that Chinese reached the screen, which read "Content Manager", "Draft", "Regenerate". Its keys
 * are given one prefix, as every other language's are.
 */
export const singlePluginPrefixes = (app: StrapiApp, pluginId: string): void => {
  const plugin = app.appPlugins[pluginId];
  const registerTrads = plugin?.registerTrads;
  if (!plugin || !registerTrads) return;
  const doubled = `${pluginId}.${pluginId}.`;
  plugin.registerTrads = async (args) =>
    (await registerTrads(args)).map(({ data, locale }) => ({
      locale,
      data: Object.fromEntries(
        Object.entries(data).map(([key, text]) => [
          key.startsWith(doubled) ? key.slice(pluginId.length + 1) : key,
          text,
        ]),
      ),
    }));
};
