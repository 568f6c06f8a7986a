// Options of `cem analyze` (run by the build script): the manifest comes from the components' JSDoc.
export default {
  litelement: true,
  globs: ['src/**/*.component.ts'],
  outdir: '.',
  plugins: [
    {
      // Events are dispatched as typed classes (`new ChatSendEvent(…)`), which the analyzer also lists
      // without a name; the `@fires` tags already describe them.
      name: 'drop-unnamed-events',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
          }
        }
      },
    },
  ],
};
