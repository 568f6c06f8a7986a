/** A module loaded on demand: `load()` starts it once, `loaded()` has it once it has arrived. */
export interface LoadOnce<Module> {
  load(): Promise<Module>;
  loaded(): Module | undefined;
}

/**
 * Wraps a dynamic `import()` so that it runs once. A load that failed (a chunk lost to a network
 * hiccup) is tried again the next time it is asked for, instead of failing for good.
 */
export function loadOnce<Module>(importModule: () => Promise<Module>): LoadOnce<Module> {
  let loaded: Module | undefined;
  let loading: Promise<Module> | undefined;
  return {
    load() {
      loading ??= importModule().then(
        (module) => {
          loaded = module;
          return module;
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    loaded: () => loaded,
  };
}
