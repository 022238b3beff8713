/** MapLibre's style sheet (imported for its side effect) and its worker script, which the bundler emits as a file of its own. */
declare module 'maplibre-gl/dist/maplibre-gl.css';
declare module 'maplibre-gl/dist/maplibre-gl-worker.mjs?url' {
  const url: string;
  export default url;
}
