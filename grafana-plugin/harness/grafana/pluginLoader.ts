/**
 * Grafana's frontend plugin loader (public/app/features/plugins: loader/systemjs.ts,
 * loader/systemjsHooks.ts, loader/utils.ts, importer/importPluginModule.ts), as it treats a
 * plugin installed on Grafana's filesystem: SystemJS with the AMD and named-register extras;
 * each shared module set in the registry as `package:<name>`, with an import map from the bare
 * name to it; `?_cache=<plugin version>` on the plugin's .js URLs; a module whose only export
 * is its default handed over as that default (__useDefault). The module is loaded with a
 * <script> tag, Grafana's loading strategy for a local plugin without Angular.
 */
import 'systemjs/dist/system.js';
import 'systemjs/dist/extras/amd.js';
import 'systemjs/dist/extras/named-register.js';

type Module = Record<string, unknown>;
interface SystemJSPrototype {
  import(this: unknown, id: string, parentUrl?: string): Promise<Module>;
  resolve(this: unknown, id: string, parentUrl?: string): string;
}
interface SystemJS {
  set(id: string, module: object): void;
  addImportMap(map: { imports: Record<string, string> }): void;
  import(id: string): Promise<Module>;
  constructor: { prototype: SystemJSPrototype };
}

const SHARED_DEPENDENCY_PREFIX = 'package';
const System = (window as unknown as { System: SystemJS }).System;

/** Registers the shared modules and installs Grafana's SystemJS hooks; pluginVersion is the cache key. */
export function initPluginLoader(shared: Record<string, object>, pluginVersion: string) {
  const imports: Record<string, string> = {};
  for (const [name, module] of Object.entries(shared)) {
    imports[name] = `${SHARED_DEPENDENCY_PREFIX}:${name}`;
    System.set(imports[name], module);
  }
  System.addImportMap({ imports });

  const prototype = System.constructor.prototype;
  const originalImport = prototype.import;
  prototype.import = function (id, parentUrl) {
    return originalImport.call(this, id, parentUrl).then((m) => (m?.__useDefault ? (m.default as Module) : m));
  };
  const originalResolve = prototype.resolve;
  prototype.resolve = function (id, parentUrl) {
    const url = originalResolve.call(this, id, parentUrl);
    return url.startsWith(`${SHARED_DEPENDENCY_PREFIX}:`) || !url.endsWith('.js')
      ? url
      : `${url}?_cache=${pluginVersion}`;
  };
}

/** Imports a plugin's module.js by the path Grafana's backend gives it (PluginMeta.module). */
export function importPluginModule(path: string): Promise<Module> {
  // resolveModulePath: a relative module path is below the app's sub-URL (none here)
  return System.import(path.startsWith('/') ? path : `/${path}`);
}
