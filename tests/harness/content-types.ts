import path from 'path';
import type { ContentTypeDescriptor } from '../../src/content/descriptor';
import * as SourceRegistry from '../../src/content/registry';

/** A content type's schema as its schema.json would hold it. */
export type AppSchema = {
  collectionName: string;
  info: { singularName: string; pluralName: string; displayName: string };
  options: { draftAndPublish: boolean };
  pluginOptions?: { i18n?: { localized: boolean } };
  attributes: Record<string, object>;
};

/** What the compiled app gives a type's folder: Strapi's factories and the website's controller. */
type Factories = {
  createCoreController: (uid: string) => unknown;
  createCoreService: (uid: string) => unknown;
  createCoreRouter: (uid: string) => unknown;
};
type RenderedControllers = { renderedController: (uid: string) => unknown };

const dist = (file: string) => path.join(process.cwd(), 'dist/src', file);

/** The API modules of the types this file registered, by name: Strapi gets them before it loads. */
const appApis = new Map<string, object>();

/**
 * Hands the registered types' API modules to a Strapi instance not yet loaded, as its loader
 * hands it the folders of src/api: before the plugins' register (i18n adds `locale` there).
 */
export const addAppApis = (strapi: { get: (name: 'apis') => ApisRegistry }): void => {
  for (const [name, module] of appApis) strapi.get('apis').add(name, module);
};
type ApisRegistry = { add: (name: string, module: object) => unknown };

/**
 * Registers a content type defined in a test with the app the test boots, as its folder under
 * src/api and its line in src/content/types.ts would: the schema with a core service and router
 * and the controller the built-in types use (adding `rendered` when the website has pages of it),
 * handed to Strapi at boot (`addAppApis`); its descriptor into both copies of the registry, the
 * compiled one the app runs and the source one the test's own imports read. Call it at the top of
 * the file, before the app boots.
 */
export const registerAppContentType = (
  descriptor: ContentTypeDescriptor,
  schema: AppSchema,
): void => {
  const appRegistry = require(dist('content/registry.js')) as typeof SourceRegistry;
  const { factories } = require('@strapi/strapi') as { factories: Factories };
  const { renderedController } = require(
    dist('channels/web/rendered-controller.js'),
  ) as RenderedControllers;
  const name = schema.info.singularName;
  const { uid } = descriptor;
  // What Strapi's loader adds to a schema it reads from a folder.
  const loaded = {
    ...schema,
    apiName: name,
    globalId: name.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) =>
      letter.toUpperCase(),
    ),
  };
  appApis.set(name, {
    contentTypes: { [name]: { schema: loaded } },
    controllers: {
      [name]: descriptor.website ? renderedController(uid) : factories.createCoreController(uid),
    },
    services: { [name]: factories.createCoreService(uid) },
    routes: { [name]: factories.createCoreRouter(uid) },
  });
  appRegistry.registerContentType(descriptor);
  SourceRegistry.registerContentType(descriptor);
};
